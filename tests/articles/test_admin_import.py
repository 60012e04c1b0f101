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
