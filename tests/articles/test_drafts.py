import pytest

from articles.importing.drafts import create_draft, read_article
from articles.importing.recognition import ImportRefused, parse_text
from tests.articles.samples import SEED, SYLLABUS_TOPICS
from tests.factories import EditionFactory


@pytest.mark.django_db
def test_plain_text_export_of_our_article_page_imports_to_the_same_structure(client):
    """An article exported as plain text from its page and imported again has the same structure."""
    from tests.factories import EditionFactory, SectionFactory, full_article, relevance

    original = full_article(slug="rt", title="Semiconductor Push Gathers Pace", sections=0, tags=["Chips", "PLI"],
                            mains_questions="Can incentives alone build a chip industry? Examine. (15 marks)",
                            edition=EditionFactory(year=2024, month=2))
    relevance(original, "gs3", "Science and Technology", primary=False)
    SectionFactory(article=original, position=1, heading="The approved units",
                   body="<p><strong>Fabs:</strong> One plant in Gujarat.</p><ul><li>Assam packaging</li></ul>")
    SectionFactory(article=original, position=2, heading="Way Forward", body="<p>Train chip designers.</p>")
    original.refresh_from_db()

    text = client.get("/articles/rt/text/").content.decode()
    again = create_draft(parse_text(text, SYLLABUS_TOPICS))

    assert again.title == original.title and again.context == original.context
    assert again.mains_questions == original.mains_questions
    assert [str(r) for r in again.relevances.all()] == [str(r) for r in original.relevances.all()]
    assert [(s.heading, s.body) for s in again.sections.all()] == [(s.heading, s.body) for s in
                                                                   original.sections.all()]
    assert sorted(again.tags.names()) == sorted(original.tags.names())
    assert again.edition == original.edition and again.status == "draft"


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed-article.txt is not beside the checkout")
@pytest.mark.django_db
def test_the_seed_article_imports_exactly():
    """The institute's real page imports with its title, GS2 International Relations, three dimensions,
    matched sections, the March 2024 edition and no header boilerplate."""
    EditionFactory(year=2024, month=3)
    article = create_draft(parse_text(SEED.read_text(encoding="utf-8"), SYLLABUS_TOPICS))

    assert article.title == "Japan Keen to Deepen Defence Ties With India"
    assert [str(r) for r in article.relevances.all()] == ["GS2 - International Relations"]
    assert article.relevances.get().is_primary
    assert [s.heading for s in article.sections.all()] == [
        "India-Japan ties", "Recent activities in India-Japan defence ties", "Way Forward"]
    sections = list(article.sections.all())
    assert sections[0].body.startswith("<p><strong>Economic Ties:</strong>")
    assert "Nuclear Deal 2016:</strong>" in sections[1].body and "JIMEX" in sections[1].body
    assert sections[2].body.startswith("<p><strong>Collaborating for Digital Empowerment:</strong>")
    assert str(article.edition) == "March 2024"
    assert article.context.startswith("Recently, Prime Minister Fumio Kishida")
    bodies = " ".join(s.body for s in sections)
    for junk in ["Call Us Now", "9606900005", "For Enquiry", "March 2024", "Dimensions of are article"]:
        assert junk not in bodies and junk not in article.context


@pytest.mark.django_db
@pytest.mark.parametrize("name, data", [("broken.docx", b"not a zip at all"), ("empty.txt", b"  \n ")])
def test_a_file_that_cannot_be_read_is_refused_with_a_reason(name, data):
    """A corrupt .docx or an empty file is refused with a message, never an exception from the parser."""
    with pytest.raises(ImportRefused) as refusal:
        read_article(name, data)

    assert str(refusal.value).startswith(("This .docx file cannot be read", "There is no article text"))
