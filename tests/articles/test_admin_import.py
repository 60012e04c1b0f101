import re

import pytest

from articles.models import Article
from tests.articles.samples import ARTICLE


@pytest.mark.django_db
def test_admin_import_page_previews_then_creates_a_draft(client):
    """An editor pastes text, sees the recognised structure and report, then creates the draft."""
    from tests.factories import staff_user

    client.force_login(staff_user("meera", role="Editor"))

    preview = client.post("/admin/articles/article/import/", {"text": ARTICLE, "preview": "Preview"})
    created = client.post("/admin/articles/article/import/", {"text": ARTICLE, "create": "Create draft"})

    page = preview.content.decode()
    assert "What was recognised" in page and "Monsoon Forecast Raises Hopes for Kharif Sowing" in page
    assert "GS3 - Agriculture" in page and "Import report" in page
    assert "<dt>Edition</dt><dd>June 2024</dd>" in page
    article = Article.objects.get()
    assert created.status_code == 302 and created["Location"] == f"/admin/articles/article/{article.pk}/change/"
    assert article.status == "draft" and article.author.username == "meera"


@pytest.mark.django_db
def test_admin_import_page_refuses_empty_input_digests_and_strangers(client):
    """Nothing pasted, a digest, and a counsellor each get a clear refusal and no article."""
    from tests.factories import staff_user

    client.force_login(staff_user("meera", role="Editor"))
    empty = client.post("/admin/articles/article/import/", {"text": "  ", "preview": "Preview"})
    digest = client.post("/admin/articles/article/import/", {"text": "A\nB\nRead more\nC\nRead more",
                                                              "create": "Create draft"})
    client.force_login(staff_user("kavya", role="Counsellor"))
    stranger = client.get("/admin/articles/article/import/")

    assert "Paste the article&#x27;s text or choose a file." in empty.content.decode()
    assert "digest of several articles" in digest.content.decode()
    assert stranger.status_code == 403
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_admin_import_page_takes_an_uploaded_file_and_refuses_other_types(client):
    """A .txt upload previews like pasted text; an image is refused with the accepted types."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import staff_user

    client.force_login(staff_user("meera", role="Editor"))
    text_file = SimpleUploadedFile("monsoon.txt", ARTICLE.encode(), content_type="text/plain")
    picture = SimpleUploadedFile("photo.png", b"\x89PNG", content_type="image/png")

    preview = client.post("/admin/articles/article/import/", {"file": text_file, "preview": "Preview"})
    refused = client.post("/admin/articles/article/import/", {"file": picture, "preview": "Preview"})

    assert "Monsoon Forecast Raises Hopes for Kharif Sowing" in preview.content.decode()
    assert "Upload a .txt, .html or .docx file." in refused.content.decode()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_corrupt_docx_upload_gets_a_clear_message_not_an_error_page(client):
    """A .docx that is not a Word file is refused on the import page (200, a reason, no article)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import staff_user

    client.force_login(staff_user("meera", role="Editor"))
    response = client.post("/admin/articles/article/import/", {
        "file": SimpleUploadedFile("notes.docx", b"plain bytes, not a zip"), "preview": "Preview"})

    assert response.status_code == 200
    assert "This .docx file cannot be read: it is damaged, cut short or not a Word document" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_the_preview_shows_each_section_in_full(client):
    """A long section is previewed whole, to its last sentence, not cut at a few hundred characters."""
    from tests.factories import staff_user

    long_paragraph = "Storage capacity must grow with procurement. " * 40 + "The last sentence of the section."
    text = ARTICLE.replace("Way Forward:\n", "Way Forward:\n" + long_paragraph + "\n", 1)
    assert long_paragraph in text
    client.force_login(staff_user("meera", role="Editor"))

    page = client.post("/admin/articles/article/import/", {"text": text, "preview": "Preview"}).content.decode()

    previews = re.findall(r'<div class="preview-body">(.*?)</div>', page, re.DOTALL)
    assert any("The last sentence of the section." in preview for preview in previews)


@pytest.mark.django_db
def test_importing_a_title_that_exists_warns_links_to_it_and_asks_before_creating_a_second(client):
    """The preview names the article that already has this title (any letter case) with a link; "Create
    draft" alone creates nothing; ticking "Create a second article anyway" creates the second one."""
    from tests.factories import full_article, staff_user

    existing = full_article(title="Monsoon forecast raises hopes for kharif sowing", slug="monsoon-forecast")
    client.force_login(staff_user("meera", role="Editor"))
    url = "/admin/articles/article/import/"

    preview = client.post(url, {"text": ARTICLE, "preview": "Preview"}).content.decode()
    refused = client.post(url, {"text": ARTICLE, "create": "Create draft"}, follow=True)

    assert "An article with this title already exists." in preview
    assert f'href="/admin/articles/article/{existing.pk}/change/"' in preview
    assert "Create a second article anyway" in preview
    assert refused.redirect_chain == [] and "Nothing was created" in refused.content.decode()
    assert Article.objects.count() == 1

    created = client.post(url, {"text": ARTICLE, "create": "Create draft", "create_another": "on"})

    assert created.status_code == 302
    assert Article.objects.filter(title="Monsoon Forecast Raises Hopes for Kharif Sowing").count() == 1
    assert Article.objects.count() == 2


@pytest.mark.django_db
def test_a_new_title_imports_without_the_duplicate_question(client):
    """With no article of that title, the preview asks nothing more and "Create draft" creates it."""
    from tests.factories import full_article, staff_user

    full_article(title="A different story altogether")
    client.force_login(staff_user("meera", role="Editor"))

    preview = client.post("/admin/articles/article/import/", {"text": ARTICLE, "preview": "Preview"}).content.decode()

    assert "already exists" not in preview and "Create a second article anyway" not in preview


@pytest.mark.django_db
def test_two_articles_pasted_together_are_refused_on_the_import_page(client):
    """The import page refuses two pasted articles, naming both, and creates nothing."""
    from tests.articles.test_recognition import TWO_ARTICLES
    from tests.factories import staff_user

    client.force_login(staff_user("meera", role="Editor"))

    page = client.post("/admin/articles/article/import/", {"text": TWO_ARTICLES, "create": "Create draft"})

    assert page.status_code == 200
    assert "This text holds 2 articles" in page.content.decode()
    assert not Article.objects.exists()
