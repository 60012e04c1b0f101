import io
from importlib import import_module
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.importer import (
    ImportRefused, blocks_from_docx, blocks_from_html, create_draft, parse, parse_relevance, parse_text,
)
from articles.models import Article

SYLLABUS = import_module("articles.migrations.0002_seed_syllabus").SYLLABUS
SYLLABUS_TOPICS = {code: topics for code, _, _, topics in SYLLABUS}
SEED = Path(__file__).resolve().parents[3] / "shared" / "seed-article.txt"

ARTICLE = """Call Us Now
+91 98765 43210 / 11
For Enquiry
Monsoon Forecast Raises Hopes for Kharif Sowing
Recently, the weather office forecast an above-normal south-west monsoon for the coming season.
GS3- Agriculture
Mains Question:
How does the monsoon shape rural demand in India? Discuss. (10 marks)
Dimensions of the article:
1. About the forecast
2. Impact on farm output
3. Way Forward
About the forecast
Long period average: The season is expected to bring 106 per cent of the long-period average.
Crop outlook:
• Rice acreage may rise in the east.
• Pulses gain from timely sowing.
Way Forward:
Storage: Warehouses must be ready for a bumper harvest.
Share on WhatsApp
June 2024
"""


def parsed(text=ARTICLE):
    return parse_text(text, SYLLABUS_TOPICS)


@pytest.mark.parametrize("line, expected", [
    ("GS2- International Relations", [("gs2", "International Relations")]),
    ("GS-II: Governance (transparency and accountability)", [("gs2", "Governance")]),
    ("GS II- Parliament", [("gs2", "Parliament and State Legislatures")]),
    ("GS 3- Science and Technology", [("gs3", "Science and Technology")]),
    ("GS Paper 2", [("gs2", None)]),
    ("GS2- Federalism, GS3- Economy", [("gs2", "Federalism"), ("gs3", "Indian Economy")]),
    ("Relevance: GS3 - Environment", [("gs3", "Environment and Conservation")]),
    ("Focus: GS-IV: Case studies", [("gs4", "Case Studies")]),
    ("GS 1 – Art & Culture", [("gs1", "Art and Culture")]),
    ("The GST council met in Delhi.", []),
])
def test_relevance_lines_in_every_spelling_map_to_papers_and_topics(line, expected):
    """Each way real pages write the relevance line maps to the right paper and, tolerantly, its topic."""
    assert [(code, topic) for code, topic, _ in parse_relevance(line, SYLLABUS_TOPICS)] == expected


def test_a_whole_article_is_recognised_part_by_part():
    """Title, context, relevance, mains question, dimensions, sections, bullets, labels and month are found."""
    article = parsed()

    assert article.title == "Monsoon Forecast Raises Hopes for Kharif Sowing"
    assert article.context.startswith("Recently, the weather office")
    assert [(code, topic) for code, topic, _ in article.relevances] == [("gs3", "Agriculture")]
    assert article.mains_questions == ["How does the monsoon shape rural demand in India? Discuss. (10 marks)"]
    assert article.dimensions == ["About the forecast", "Impact on farm output", "Way Forward"]
    assert article.edition == (2024, 6)
    headings = [heading for heading, _ in article.sections]
    assert headings == ["About the forecast", "Impact on farm output", "Way Forward"]


def test_label_openings_become_bold_lead_ins_and_bullets_become_lists():
    """“Label: text” paragraphs get a bold lead-in (not a heading); bullet lines become a list."""
    sections = dict(parsed().sections)

    assert "<p><strong>Long period average:</strong> The season is expected" in sections["About the forecast"]
    assert "<ul><li>Rice acreage may rise in the east.</li><li>Pulses gain from timely sowing.</li></ul>" in \
        sections["Impact on farm output"]


@pytest.mark.parametrize("marker", ["•", "-", "*", "–", "➢", "(a)", "i)"])
def test_bullet_styles_become_list_items(marker):
    """Every bullet style writers use becomes a list item."""
    article = parsed(ARTICLE.replace("• Rice", f"{marker} Rice"))

    assert "<li>Rice acreage may rise in the east.</li>" in dict(article.sections)["Impact on farm output"]


@pytest.mark.parametrize("label", ["Dimensions of the Article:", "Dimensions of are article:", "Dimensions:",
                                   "DIMENSIONS OF THE ARTICLE", "Dimensions of this article -"])
def test_dimensions_label_variants_are_recognised(label):
    """The Dimensions list is found whatever its label says, typos included."""
    assert parsed(ARTICLE.replace("Dimensions of the article:", label)).dimensions[0] == "About the forecast"


def test_a_dimension_worded_differently_from_its_heading_is_matched_by_position_and_reported():
    """“Impact on farm output” has no heading of that name; the heading between its neighbours is used, and said."""
    text = ARTICLE.replace("Crop outlook:", "Farm effects:")
    article = parsed(text)

    assert [heading for heading, _ in article.sections] == ["About the forecast", "Impact on farm output",
                                                             "Way Forward"]
    assert 'Dimension 2 “Impact on farm output” matched to heading “Farm effects” by position.' in \
        article.report.guessed
    assert "Rice acreage" in dict(article.sections)["Impact on farm output"]


def test_similar_wording_is_matched_by_similarity():
    """A heading that says nearly the same as its dimension is recognised, not guessed."""
    article = parsed(ARTICLE.replace("Crop outlook:", "Impact on the farm output:"))

    assert not article.report.guessed
    assert "Dimension 2 “Impact on farm output” matched to its heading." in article.report.recognised


def test_boilerplate_is_dropped():
    """The call-us header, “For Enquiry” and share-button text do not reach the article."""
    article = parsed()
    everything = " ".join([article.title, article.context, *[body for _, body in article.sections]])

    for junk in ["Call Us Now", "98765", "For Enquiry", "Share on WhatsApp"]:
        assert junk not in everything
    assert any("boilerplate" in line for line in article.report.recognised)


def test_text_without_dimensions_takes_its_sections_from_its_headings():
    """A “Why in news?” item without a Dimensions list still imports, sections from its headings."""
    article = parsed("""Great Nicobar Project Gets Environmental Nod
Recently, the expert committee cleared the port and township plan for Great Nicobar.
GS3- Environment
Why in news?
The clearance came with conditions on coral translocation.
Concerns
Tribal rights: The Shompen live in the project area.
""")

    assert [heading for heading, _ in article.sections] == ["Why in news?", "Concerns"]
    assert "coral translocation" in dict(article.sections)["Why in news?"]
    assert article.report.guessed == ["No Dimensions list: sections taken from the text's headings "
                                      "(Why in news?; Concerns)."]


def test_a_digest_of_several_articles_is_refused_with_a_reason():
    """A daily digest with “Read more” lines is refused, saying why."""
    digest = "Daily Current Affairs 12 March\n1. Topic one\nSome summary.\nRead more\n2. Topic two\nRead more\n"

    with pytest.raises(ImportRefused, match="digest of several articles"):
        parsed(digest)


def test_text_that_cannot_be_placed_is_kept_in_the_last_section_and_reported():
    """A stray paragraph before the first section is not dropped: it ends the last section, with a note."""
    text = ARTICLE.replace("About the forecast\nLong period", "Note from the desk: see the IMD bulletin.\n"
                                                                "About the forecast\nLong period")
    article = parsed(text)

    assert "see the IMD bulletin" in article.sections[-1][1]
    assert any("could not be placed" in line for line in article.report.attention)


def test_every_sentence_of_the_text_survives_the_import():
    """No sentence of the source is lost: each appears in some part of the parsed article."""
    article = parsed()
    everything = " ".join([article.title, article.context, *article.mains_questions, *article.dimensions,
                           *[f"{heading} {body}" for heading, body in article.sections]])
    for sentence in ["above-normal south-west monsoon", "106 per cent", "Rice acreage may rise",
                     "Pulses gain from timely sowing", "Warehouses must be ready"]:
        assert sentence in everything


def test_html_pasted_from_google_docs_imports():
    """HTML with spans, bold labels, headings and lists becomes the same structure."""
    html = """<html><body><p><span>For Enquiry</span></p><h1>Monsoon Forecast Raises Hopes</h1>
    <p><span>Recently, the weather office forecast an above-normal monsoon.</span></p>
    <p>GS3- Agriculture</p><p><b>Dimensions of the article:</b></p>
    <ol><li>About the forecast</li><li>Way Forward</li></ol>
    <h2>About the forecast</h2><p><b>Long period average:</b> 106 per cent is expected.</p>
    <ul><li>Rice acreage may rise.</li></ul><h2>Way Forward</h2><p>Storage must be ready.</p>
    <p>June 2024</p><script>alert(1)</script></body></html>"""
    article = parse(blocks_from_html(html), SYLLABUS_TOPICS)

    assert article.title == "Monsoon Forecast Raises Hopes"
    assert article.dimensions == ["About the forecast", "Way Forward"]
    body = dict(article.sections)["About the forecast"]
    assert "<p><strong>Long period average:</strong> 106 per cent is expected.</p>" in body
    assert "<ul><li>Rice acreage may rise.</li></ul>" in body
    assert "alert" not in " ".join(b for _, b in article.sections)


def test_docx_files_import():
    """A Word file with a bold label and a bulleted list imports like the text."""
    import docx

    document = docx.Document()
    document.add_heading("Monsoon Forecast Raises Hopes", level=1)
    document.add_paragraph("Recently, the weather office forecast an above-normal monsoon.")
    document.add_paragraph("GS3- Agriculture")
    document.add_paragraph("Dimensions of the article:")
    document.add_paragraph("About the forecast", style="List Number")
    document.add_paragraph("Way Forward", style="List Number")
    document.add_heading("About the forecast", level=2)
    lead = document.add_paragraph()
    lead.add_run("Long period average:").bold = True
    lead.add_run(" 106 per cent is expected.")
    document.add_paragraph("Rice acreage may rise.", style="List Bullet")
    document.add_heading("Way Forward", level=2)
    document.add_paragraph("Storage must be ready.")
    document.add_paragraph("June 2024")
    stream = io.BytesIO()
    document.save(stream)

    article = parse(blocks_from_docx(stream.getvalue()), SYLLABUS_TOPICS)

    assert article.title == "Monsoon Forecast Raises Hopes"
    assert article.dimensions == ["About the forecast", "Way Forward"]
    assert "<strong>Long period average:</strong> 106 per cent is expected." in dict(article.sections)[
        "About the forecast"]
    assert "<li>Rice acreage may rise.</li>" in dict(article.sections)["About the forecast"]
    assert article.edition == (2024, 6)


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
def test_import_command_prints_admin_and_public_urls(tmp_path, capsys):
    """import_article makes a draft and prints its admin URL; with --publish also the public URL."""
    from tests.factories import EditionFactory, staff_user

    EditionFactory(year=2024, month=6)
    staff_user("root", is_superuser=True)
    source = tmp_path / "monsoon.txt"
    source.write_text(ARTICLE, encoding="utf-8")

    call_command("import_article", str(source))
    call_command("import_article", str(source), "--publish")

    out = capsys.readouterr().out
    first, second = Article.objects.order_by("pk")
    assert f"/admin/articles/article/{first.pk}/change/" in out
    assert f"/articles/{second.slug}/" in out and second.status == "published" and first.status == "draft"


@pytest.mark.django_db
def test_import_command_fails_clearly_and_non_zero(tmp_path):
    """A digest or a missing file makes the command exit non-zero with the reason."""
    digest = tmp_path / "digest.txt"
    digest.write_text("Daily digest\nOne\nRead more\nTwo\nRead more\n", encoding="utf-8")

    with pytest.raises(CommandError, match="2 of 2 file"):
        call_command("import_article", str(digest), str(tmp_path / "missing.docx"))
    assert not Article.objects.exists()


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


@pytest.mark.parametrize("label", ["Mains Question:", "Mains Questions -", "Main Question(s):",
                                   "MAINS PRACTICE QUESTION",
                                   "Mains Question: "])
def test_mains_question_label_variants(label):
    """The mains question block is found under each label writers use."""
    article = parsed(ARTICLE.replace("Mains Question:", label))

    assert article.mains_questions == ["How does the monsoon shape rural demand in India? Discuss. (10 marks)"]


def test_a_sentence_that_merely_starts_with_main_question_is_not_a_mains_question():
    """“Main question is whether …” in the body stays body text."""
    article = parsed(ARTICLE.replace("Storage: Warehouses",
                                     "Main question is whether warehouses are ready.\nStorage: Warehouses"))

    assert article.mains_questions == ["How does the monsoon shape rural demand in India? Discuss. (10 marks)"]
    assert "Main question is whether warehouses are ready." in dict(article.sections)["Way Forward"]
