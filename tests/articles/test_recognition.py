import pytest

from articles.importing.recognition import ImportRefused, parse_relevance, parse_text
from tests.articles.samples import ARTICLE, SYLLABUS_TOPICS


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
    ("GS2- Polity", [("gs2", "Constitution")]),
    ("GS-II: Indian Polity", [("gs2", "Constitution")]),
    ("GS2- IR", [("gs2", "International Relations")]),
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


NUMBERED_HEADINGS = """Lunar Lander Completes Its Hop Test
Recently, the space agency's lander lifted off the lunar surface briefly and settled again.
GS3- Science and Technology
Dimensions of the article:
{dimensions}
{first}
The lander fired its engines for a few seconds and rose about forty centimetres.
{second}
A spectrometer measured the sulphur in the soil near the landing site.
{third}
Short hops prepare the ground for bringing samples back to Earth.
{fourth}
More landers should carry instruments built by universities.
August 2024
"""
DIMENSIONS = ["Mission profile", "Instruments on board", "Why it matters", "Way Forward"]


@pytest.mark.parametrize("numbering", [
    ["1. Mission profile:", "2. Instruments on board:", "3. Why it matters:", "4. Way Forward:"],
    ["1) Mission profile", "2) Instruments on board", "3) Why it matters", "4) Way Forward"],
    ["I. Mission profile", "II. Instruments on board", "III. Why it matters", "IV. Way Forward"],
    ["(a) Mission profile", "(b) Instruments on board", "(c) Why it matters", "(d) Way Forward"],
    ["1. Mission profile:", "2) Instruments on board", "III. Why it matters", "(d) Way Forward"],
])
@pytest.mark.parametrize("listed", ["1. {}", "{}", "I. {}"])
def test_numbered_body_headings_are_matched_to_the_dimensions_whatever_the_numbering(numbering, listed):
    """Body headings numbered “1.”, “2)”, “I.” or “(a)” each start their dimension's section, whichever
    style the Dimensions list itself uses."""
    text = NUMBERED_HEADINGS.format(dimensions="\n".join(listed.format(name) for name in DIMENSIONS),
                                    first=numbering[0], second=numbering[1], third=numbering[2], fourth=numbering[3])

    article = parsed(text)

    assert article.dimensions == DIMENSIONS
    assert [heading for heading, _ in article.sections] == DIMENSIONS
    bodies = dict(article.sections)
    assert bodies["Mission profile"] == "<p>The lander fired its engines for a few seconds and rose about forty centimetres.</p>"
    assert "sulphur" in bodies["Instruments on board"] and "samples back" in bodies["Why it matters"]
    assert bodies["Way Forward"] == "<p>More landers should carry instruments built by universities.</p>"
    assert not article.report.attention


TWO_ARTICLES = ARTICLE + """Deep Sea Mission Tests Its Crewed Submersible
Recently, a crewed submersible completed a shallow-water trial off the eastern coast.
GS3- Science and Technology
Dimensions of the article:
1. About the submersible
2. Way Forward
About the submersible
Depth rating: The vehicle is designed to reach six kilometres.
Way Forward
Trials should move to deeper water step by step.
"""


def test_two_whole_articles_pasted_together_are_refused_naming_both():
    """A second title, relevance line and Dimensions list in the same text is a second article: the import
    is refused, naming both titles, instead of appending the second to the first's last section."""
    with pytest.raises(ImportRefused) as refusal:
        parsed(TWO_ARTICLES)

    message = str(refusal.value)
    assert "2 articles" in message
    assert "Monsoon Forecast Raises Hopes for Kharif Sowing" in message
    assert "Deep Sea Mission Tests Its Crewed Submersible" in message
    assert "Import each article on its own" in message


SECOND_HEADS = {
    "long-title": "Why India Must Rethink How It Shares River Water Between Its States in a Warming Climate\n"
                  "Recently, a tribunal asked two states to share data on their reservoirs.\nGS2- Federalism\n",
    "date-and-context-label": "River Water Between the States\n12 June 2024\nContext:\n"
                              "Recently, a tribunal asked two states to share data on their reservoirs.\n"
                              "Relevance: GS2- Federalism\n",
    "question-title": "Can the States Share a River?\nGS2- Federalism\n"
                      "Recently, a tribunal asked two states to share data on their reservoirs.\n",
}


@pytest.mark.parametrize("head", SECOND_HEADS.values(), ids=SECOND_HEADS.keys())
def test_two_pasted_articles_are_named_by_their_titles_whatever_their_heads_look_like(head):
    """A long title, a date and a "Context:" label between title and relevance, a title that asks a question:
    the refusal names the second article by its title, never "untitled"."""
    second = head + "Dimensions of the article:\n1. The dispute\n2. Way Forward\nThe dispute\n" \
        "The tribunal set a deadline.\nWay Forward\nShared data builds trust.\n"
    title = head.split("\n")[0]

    with pytest.raises(ImportRefused) as refusal:
        parsed(ARTICLE + second)

    assert f"“{title}”" in str(refusal.value) and "untitled" not in str(refusal.value)
    assert "“Monsoon Forecast Raises Hopes for Kharif Sowing”" in str(refusal.value)


def test_a_relevance_line_repeated_in_the_body_is_not_a_second_article():
    """One article that mentions its paper again further down (no second Dimensions list) imports normally."""
    article = parsed(ARTICLE.replace("Storage: Warehouses", "GS3- Agriculture\nStorage: Warehouses"))

    assert article.title == "Monsoon Forecast Raises Hopes for Kharif Sowing"


PHASED = """Gaganyaan Moves From Tests to a Crewed Flight
Recently, the space agency set out the remaining steps before Indians fly to orbit on an Indian rocket.
Relevance: GS3- Space
Dimensions of the article:
1. {first}
2. {second}
3. Way Forward
{first}
The first step checks the crew escape system in uncrewed flights.
{second}
The second step flies a humanoid robot through a full orbital mission.
Way Forward
Steady funding and open reporting of test results will keep the programme on course.
Month: June 2024
"""


@pytest.mark.parametrize("first, second", [
    ("Phase 1 of the programme", "Phase 2 of the programme"),     # a number
    ("Stage I of the escape tests", "Stage II of the escape tests"),  # a roman numeral
    ("Role of the US in the mission", "Role of the EU in the mission"),  # a short word
    ("Phase One test flights", "Phase Two test flights"),          # a number in words
], ids=["number", "roman", "short-word", "number-word"])
def test_headings_that_differ_only_by_a_number_or_a_short_word_are_separate_sections(first, second):
    """Two dimensions alike but for a number or a short word are both kept, and each is matched to its own
    heading in the body, so the article has three sections and passes its publish check."""
    article = parsed(PHASED.format(first=first, second=second))

    assert article.dimensions == [first, second, "Way Forward"]
    sections = dict(article.sections)
    assert list(sections) == [first, second, "Way Forward"]
    assert "crew escape system" in sections[first] and "humanoid robot" not in sections[first]
    assert "humanoid robot" in sections[second]
