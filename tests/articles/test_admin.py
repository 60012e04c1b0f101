import pytest
from django.contrib.admin.models import LogEntry

from articles.models import Article, Paper, Section, Topic
from tests.admin_forms import formset
from tests.articles.test_sanitize import CKEDITOR_RESAVE
from tests.factories import ArticleFactory, EditionFactory, SectionFactory, full_article, staff_user

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/article/add/"


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def article_post(sections, *, slug="quad-summit-2024", initial_sections=0, **overrides):
    """The POST an editor's browser sends from the article form with the given (heading, body) sections."""
    edition = EditionFactory(year=2024, month=3)
    paper = Paper.objects.get(code="gs2")
    topic = Topic.objects.get(paper=paper, name="International Relations")
    data = {
        "title": "Quad summit sets a maritime agenda",
        "slug": slug,
        "context": "Recently, the Quad leaders met and agreed on a maritime initiative.",
        "mains_questions": "",
        "edition": edition.pk,
        "tags": "Quad, Indo-Pacific",
        "source": "",
        "status": "published",
        "published_at_0": "01/03/2024",
        "published_at_1": "10:00:00",
        "author": "",
        **formset("relevances", [{"paper": paper.pk, "topic": topic.pk, "is_primary": "on"}]),
        **formset("sections", sections, initial=initial_sections),
    }
    data.update(overrides)
    return data


def test_editor_creates_article_with_sections_relevance_and_tags(editor_client):
    """Saving the admin form stores the article, its ordered sections (sanitised), relevance and tags."""
    response = editor_client.post(ADD_URL, article_post([
        {"heading": "Background", "body": "<p>The grouping <strong>revived</strong> in 2017.</p><script>x()</script>"},
        {"heading": "Way Forward", "body": "<p>Deliver on the maritime initiative.</p>"},
    ]))

    assert response.status_code == 302
    article = Article.objects.get(slug="quad-summit-2024")
    assert [(s.position, s.heading) for s in article.sections.all()] == [(1, "Background"), (2, "Way Forward")]
    assert article.sections.first().body == "<p>The grouping <strong>revived</strong> in 2017.</p>"
    assert [str(r) for r in article.relevances.all()] == ["GS2 - International Relations"]
    assert sorted(article.tags.names()) == ["Indo-Pacific", "Quad"]
    assert article.author.username == "meera"


def test_empty_section_body_is_refused_with_a_clear_error(editor_client):
    """A section whose editor holds only an empty paragraph is refused and nothing is saved."""
    response = editor_client.post(ADD_URL, article_post([{"heading": "Background", "body": "<p>&nbsp;</p>"}]))

    assert response.status_code == 200
    assert "Write the section&#x27;s text: an empty section cannot be saved." in response.content.decode()
    assert not Article.objects.exists()


def test_blank_section_heading_is_refused(editor_client):
    """A section without a heading is refused: the heading is what the Dimensions list shows."""
    response = editor_client.post(ADD_URL, article_post([{"heading": "", "body": "<p>Some text.</p>"}]))

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Article.objects.exists()


def test_duplicate_slug_is_refused(editor_client):
    """A second article with a slug already in use gets a form error instead of a crash."""
    full_article(slug="quad-summit-2024")

    response = editor_client.post(ADD_URL, article_post([{"heading": "Background", "body": "<p>Text.</p>"}]))

    assert response.status_code == 200
    assert "Another article in this language already has this slug" in response.content.decode()
    assert Article.objects.count() == 1


def test_two_primary_relevances_are_refused(editor_client):
    """Only one relevance may be primary."""
    gs3 = Paper.objects.get(code="gs3")
    data = article_post([{"heading": "Background", "body": "<p>Text.</p>"}], **{
        "relevances-TOTAL_FORMS": "2",
        "relevances-1-paper": gs3.pk,
        "relevances-1-topic": Topic.objects.get(paper=gs3, name="Space").pk,
        "relevances-1-is_primary": "on",
    })

    response = editor_client.post(ADD_URL, data)

    assert response.status_code == 200
    assert "Mark only one relevance as primary." in response.content.decode()
    assert not Article.objects.exists()


def test_sections_without_positions_are_appended_in_form_order(editor_client):
    """An editor who leaves positions empty gets the sections in the order they typed them."""
    editor_client.post(ADD_URL, article_post([
        {"heading": "First typed", "body": "<p>One.</p>"},
        {"heading": "Second typed", "body": "<p>Two.</p>"},
        {"position": "", "heading": "Third typed", "body": "<p>Three.</p>"},
    ]))

    article = Article.objects.get(slug="quad-summit-2024")
    assert [s.heading for s in article.sections.all()] == ["First typed", "Second typed", "Third typed"]


def test_swapping_two_section_positions_saves(editor_client):
    """Re-ordering sections by swapping their numbers is saved without tripping the unique order."""
    article = ArticleFactory(slug="quad-summit-2024")
    first = SectionFactory(article=article, position=1, heading="Background")
    second = SectionFactory(article=article, position=2, heading="Way Forward")
    data = article_post([
        {"id": first.pk, "article": article.pk, "position": "2", "heading": "Background", "body": first.body},
        {"id": second.pk, "article": article.pk, "position": "1", "heading": "Way Forward", "body": second.body},
    ], initial_sections=2, based_on_version=article.edit_version)

    response = editor_client.post(f"/admin/articles/article/{article.pk}/change/", data)

    assert response.status_code == 302
    assert [s.heading for s in Section.objects.filter(article=article)] == ["Way Forward", "Background"]


def test_changelist_offers_filters_search_and_dates(editor_client):
    """The article list filters by status, paper, topic and edition, searches, and drills by date."""
    full_article(title="Quad summit analysis")

    page = editor_client.get("/admin/articles/article/").content.decode()
    searched = editor_client.get("/admin/articles/article/?q=quad&status__exact=published&relevances__paper__id__exact="
                                 f"{Paper.objects.get(code='gs2').pk}").content.decode()

    for heading in ["By status", "By paper", "By topic", "By edition"]:
        assert heading in page
    assert '<nav class="toplinks">' in page
    assert "Quad summit analysis" in searched


def test_change_form_links_to_the_public_page(editor_client):
    """The change form has a "View on site" link to the article's public URL."""
    article = full_article(slug="viewable-article")

    page = editor_client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()

    assert "View on site" in page
    assert "ckeditor" in page.lower()


def test_tag_suggestions_offer_existing_tags_to_staff_only(editor_client, client):
    """Typing "ind" suggests existing tags starting with it; someone without article access gets 403."""
    full_article(tags=["India-Japan", "Indo-Pacific", "Defence"])

    suggestions = editor_client.get("/admin/articles/article/tag-suggestions/?q=ind").json()
    editor_client.logout()
    editor_client.force_login(staff_user("counsellor", role="Counsellor"))
    refused = editor_client.get("/admin/articles/article/tag-suggestions/?q=ind")

    assert suggestions == {"tags": ["India-Japan", "Indo-Pacific"]}
    assert refused.status_code == 403


def test_untouched_spare_section_row_is_ignored(editor_client):
    """The spare section row, left empty (CKEditor posts an empty paragraph), is not saved and blocks nothing."""
    response = editor_client.post(ADD_URL, article_post([
        {"heading": "Background", "body": "<p>Text.</p>"},
        {"position": "", "heading": "", "body": "<p>&nbsp;</p>"},
    ]))

    assert response.status_code == 302
    assert [s.heading for s in Article.objects.get().sections.all()] == ["Background"]


def test_the_topic_alone_decides_the_paper(editor_client):
    """A relevance row with only a topic chosen is filed under that topic's paper."""
    topic = Topic.objects.get(paper__code="gs3", name="Agriculture")
    data = article_post([{"heading": "Way Forward", "body": "<p>Raise storage capacity.</p>"}])
    data.update(formset("relevances", [{"paper": "", "topic": topic.pk, "is_primary": "on"}]))

    response = editor_client.post(ADD_URL, data)

    assert response.status_code == 302
    relevance = Article.objects.get().relevances.get()
    assert (relevance.paper.code, relevance.topic.name) == ("gs3", "Agriculture")


def test_the_topic_picker_finds_a_topic_by_its_paper_and_says_the_topic_decides_the_paper(editor_client):
    """Typing "gs3 space" offers only GS3's Space (labelled with its paper); the row says the topic decides."""
    found = editor_client.get("/admin/autocomplete/", {"term": "gs3 space", "app_label": "articles",
                                                       "model_name": "relevance", "field_name": "topic"}).json()
    form = editor_client.get(ADD_URL).content.decode()

    assert [result["text"] for result in found["results"]] == ["GS3 - Space"]
    assert "the topic decides the paper" in form


def test_a_topic_of_another_paper_is_refused_and_an_empty_row_asks_for_a_topic(editor_client):
    """Choosing GS2 with a GS3 topic names the mismatch; a primary row with neither asks for a topic."""
    topic = Topic.objects.get(paper__code="gs3", name="Agriculture")
    mismatched = article_post([{"heading": "Way Forward", "body": "<p>Act.</p>"}], slug="mismatch")
    mismatched.update(formset("relevances", [{"paper": Paper.objects.get(code="gs2").pk, "topic": topic.pk,
                                              "is_primary": "on"}]))
    empty = article_post([{"heading": "Way Forward", "body": "<p>Act.</p>"}], slug="empty-row")
    empty.update(formset("relevances", [{"paper": "", "topic": "", "is_primary": "on"}]))

    refused = editor_client.post(ADD_URL, mismatched).content.decode()
    asked = editor_client.post(ADD_URL, empty).content.decode()

    assert "“Agriculture” is a topic of GS3, not of GS2." in refused
    assert "Choose a topic (or, for an article about a whole paper, the paper)." in asked
    assert not Article.objects.exists()


def test_saving_a_re_serialised_section_records_no_change_to_it(editor_client):
    """A section whose body comes back from the editor only re-serialised is neither saved nor named in the
    history; a real edit to it is."""
    article = full_article(sections=1, slug="launch")
    section = article.sections.get()
    Section.objects.filter(pk=section.pk).update(body=CKEDITOR_RESAVE[0])
    url = f"/admin/articles/article/{article.pk}/change/"

    def save(body):
        article.refresh_from_db()
        row = {"id": section.pk, "article": article.pk, "position": 1, "heading": section.heading, "body": body}
        return editor_client.post(url, article_post(
            [row], slug="launch", initial_sections=1, title="Launch day", based_on_version=article.edit_version,
            context=article.context, tags=", ".join(article.tags.names()),
            **formset("relevances", [{"id": r.pk, "article": article.pk, "paper": r.paper_id, "topic": r.topic_id,
                                      "is_primary": "on"} for r in article.relevances.all()], initial=1)))

    assert save(CKEDITOR_RESAVE[1]).status_code == 302
    assert Section.objects.get(pk=section.pk).body == CKEDITOR_RESAVE[0]
    assert LogEntry.objects.latest("pk").get_change_message() == "Changed Title."

    assert save("<p>The launch slipped by a day.</p>").status_code == 302
    assert Section.objects.get(pk=section.pk).body == "<p>The launch slipped by a day.</p>"
    assert "Changed Text for section" in LogEntry.objects.latest("pk").get_change_message()
