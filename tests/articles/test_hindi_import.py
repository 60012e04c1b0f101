"""Importing a Hindi article: the Hindi labels writers use are recognised, and the article is linked to its
English twin only by the choice made in the preview, where the most alike English article is suggested."""

import pytest

from articles.importing.recognition import parse
from articles.documents import blocks_from_pasted
from articles.models import Article
from tests.factories import EditionFactory, full_article, hindi_twin, relevance, staff_user

IMPORT = "/admin/articles/article/import/"

HINDI_ARTICLE = """हमें अभी कॉल करें
मानसून का पूर्वानुमान और खरीफ़ की बुआई
संदर्भ: हाल ही में मौसम विभाग ने इस वर्ष सामान्य से अधिक वर्षा का अनुमान जारी किया।
प्रासंगिकता: सामान्य अध्ययन प्रश्नपत्र 3 - कृषि
मुख्य परीक्षा प्रश्न:
ग्रामीण माँग पर मानसून के प्रभाव की चर्चा कीजिए। (150 शब्द)
लेख के आयाम:
1. पूर्वानुमान के बारे में
2. कृषि उत्पादन पर असर
3. आगे की राह
पूर्वानुमान के बारे में
दीर्घावधि औसत: इस मौसम में दीर्घावधि औसत की 106 प्रतिशत वर्षा की संभावना है।
कृषि उत्पादन पर असर
धान का रकबा पूर्वी राज्यों में बढ़ सकता है।
आगे की राह
भंडारण: भरपूर फसल के लिए गोदाम पहले से तैयार रहें।
टैग: मानसून, कृषि
जून 2024
"""


@pytest.fixture
def syllabus(db):
    from articles.importing.drafts import current_syllabus

    return current_syllabus()


def test_the_hindi_labels_are_recognised(syllabus):
    """प्रासंगिकता, संदर्भ, मुख्य परीक्षा प्रश्न, लेख के आयाम, आगे की राह, टैग and a Hindi month line each
    land where their English counterparts do, and the article is known to be Hindi."""
    parsed = parse(blocks_from_pasted(HINDI_ARTICLE), syllabus)

    assert parsed.language == "hi" and parsed.title == "मानसून का पूर्वानुमान और खरीफ़ की बुआई"
    assert parsed.context.startswith("हाल ही में मौसम विभाग")
    assert parsed.relevances == [("gs3", "कृषि", "सामान्य अध्ययन प्रश्नपत्र 3 - कृषि")]
    assert parsed.mains_questions == ["ग्रामीण माँग पर मानसून के प्रभाव की चर्चा कीजिए। (150 शब्द)"]
    assert [heading for heading, _ in parsed.sections] == ["पूर्वानुमान के बारे में", "कृषि उत्पादन पर असर", "आगे की राह"]
    assert parsed.edition == (2024, 6) and parsed.tags == ["मानसून", "कृषि"]
    assert parsed.report.attention == []


@pytest.mark.parametrize("line, expected", [
    ("सा.अ. 2 - अंतर्राष्ट्रीय संबंध", ("gs2", "अंतर्राष्ट्रीय संबंध")),
    ("सा. अ. 3: पर्यावरण एवं संरक्षण", ("gs3", "पर्यावरण और संरक्षण")),
    ("प्रासंगिकता: सामान्य अध्ययन प्रश्न-पत्र 2 - अन्तर्राष्ट्रीय सम्बन्ध", ("gs2", "अंतर्राष्ट्रीय संबंध")),
    ("जीएस 2 - संघवाद", ("gs2", "संघवाद")),
])
def test_hindi_relevance_lines_in_their_usual_spellings(syllabus, line, expected):
    """The short सा.अ. form, spellings with a half letter, एवं for और, and जीएस all find the topic."""
    from articles.importing.recognition import parse_relevance

    assert parse_relevance(line, syllabus)[0][:2] == expected


@pytest.mark.parametrize("line, month", [("फ़रवरी 2024", 2), ("फरवरी 2024", 2), ("सितम्बर 2024", 9),
                                          ("सितंबर, 2024", 9), ("संस्करण: अक्तूबर 2024", 10)])
def test_hindi_month_lines_in_either_spelling(syllabus, line, month):
    """A month written with or without the nukta, with a half letter or an anusvara, names the edition."""
    parsed = parse(blocks_from_pasted(f"शीर्षक लेख\nपहला अनुच्छेद।\n{line}\n"), syllabus)

    assert parsed.edition == (2024, month)


@pytest.fixture
def editor(db):
    return staff_user("meera", role="Editor")


@pytest.fixture
def june_english(db):
    """Two English June articles: the monsoon one (GS3, three sections) and another on a GS2 subject."""
    june = EditionFactory(year=2024, month=6)
    monsoon = full_article(title="Monsoon forecast and kharif sowing", slug="monsoon-kharif", edition=june,
                           sections=3)
    monsoon.relevances.all().delete()
    relevance(monsoon, "gs3", "Agriculture")
    other = full_article(title="India and the Quad", slug="india-quad", edition=june, sections=5)
    return monsoon, other


def test_the_preview_suggests_the_english_article_of_the_same_month_paper_and_dimensions(client, editor, june_english):
    """The monsoon article is offered first and chosen in advance; the Quad one is offered without the mark."""
    monsoon, other = june_english
    client.force_login(editor)

    page = client.post(IMPORT, {"text": HINDI_ARTICLE, "preview": "Preview"}).content.decode()

    assert "Which English article does this Hindi article translate?" in page
    assert f'value="{monsoon.pk}" checked>' in page and f'value="{other.pk}">' in page
    assert page.index("Monsoon forecast and kharif sowing") < page.index("India and the Quad")
    assert page.count("suggested: month, paper and Dimensions all match") == 1
    assert "<dt>Language</dt><dd>Hindi</dd>" in page


def test_creating_with_the_chosen_english_makes_the_hindi_twin_at_the_english_address(client, editor, june_english):
    """The draft is Hindi, linked to the chosen English article, at its slug, with the Hindi topic filed."""
    monsoon, _ = june_english
    client.force_login(editor)

    client.post(IMPORT, {"text": HINDI_ARTICLE, "create": "Create draft", "english_original": monsoon.pk})

    hindi = Article.objects.get(language="hi")
    assert hindi.english_original == monsoon and hindi.slug == "monsoon-kharif" and hindi.status == "draft"
    assert hindi.primary_relevance.topic.name == "Agriculture" and hindi.edition == monsoon.edition


def test_creating_with_no_choice_makes_a_hindi_only_article(client, editor, june_english):
    """"None" is an answer: a Hindi article of its own, linked to nothing."""
    client.force_login(editor)

    client.post(IMPORT, {"text": HINDI_ARTICLE, "create": "Create draft", "english_original": ""})

    hindi = Article.objects.get(language="hi")
    assert hindi.english_original is None


def test_an_english_article_that_already_has_a_twin_is_refused_and_nothing_is_created(client, editor, june_english):
    """Choosing an English article translated already (or a Hindi one) says why, and creates nothing."""
    monsoon, _ = june_english
    existing = hindi_twin(monsoon)
    client.force_login(editor)

    taken = client.post(IMPORT, {"text": HINDI_ARTICLE, "create": "Create draft", "english_original": monsoon.pk})
    hindi_chosen = client.post(IMPORT, {"text": HINDI_ARTICLE, "create": "Create draft",
                                        "english_original": existing.pk})

    for response in (taken, hindi_chosen):
        assert "That article cannot be the English original" in response.content.decode()
    assert list(Article.objects.filter(language="hi")) == [existing]


def test_an_english_import_offers_no_twin_choice(client, editor, june_english):
    """English text previews as before, without the Hindi question."""
    from tests.articles.samples import ARTICLE

    client.force_login(editor)

    page = client.post(IMPORT, {"text": ARTICLE, "preview": "Preview"}).content.decode()

    assert "What was recognised" in page and "Which English article" not in page
