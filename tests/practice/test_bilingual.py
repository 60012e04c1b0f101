"""Bilingual practice: a question written once with one key, its Hindi kept beside the English; Hindi pages
show the Hindi with the English a tap away, and the month's quiz, its paper, key and errata come in either
language."""

import re

import pytest
from django.utils import timezone

from practice import keys, services
from practice.models import Attempt, Option, Question
from tests.factories import EditionFactory, full_article, hindi_twin
from tests.practice.factories import question

pytestmark = pytest.mark.django_db

HINDI_STEM = "संघ और राज्यों के बीच करों के बँटवारे की सिफ़ारिश कौन-सी संस्था करती है?"
ENGLISH_STEM = "Which body recommends how taxes are shared between the Union and the States?"
HINDI_OPTIONS = ["वित्त आयोग", "नीति आयोग", "भारतीय रिज़र्व बैंक", "जीएसटी परिषद"]


def bilingual(article, **kwargs):
    """The Finance Commission question with its Hindi stem, options and explanations."""
    made = question(article, stem_hi=HINDI_STEM, **kwargs)
    for option, hindi in zip(made.options.all(), HINDI_OPTIONS):
        option.text_hi, option.explanation_hi = hindi, f"{hindi}: लेख के तथ्यों से समझाया गया।"
        option.save()
    return made


def twins_with_a_question(edition=None):
    english = full_article(slug="finance-commission", edition=edition)
    hindi = hindi_twin(english, title="वित्त आयोग और करों का बँटवारा")
    return english, hindi, bilingual(english)


def main_of(page):
    return page.split("<main", 1)[1]


def test_the_hindi_twin_offers_the_english_originals_questions_in_hindi_with_the_english_a_tap_away(client):
    """/hi/articles/<slug>/practice/ prints the Hindi stem and options, and a "अंग्रेज़ी में देखें" toggle
    holding the English stem and options in the same order."""
    twins_with_a_question()

    page = main_of(client.get("/hi/articles/finance-commission/practice/").content.decode())

    assert HINDI_STEM in page and "(a) वित्त आयोग" in page
    toggle = page.split('<details class="quiz-english" lang="en">', 1)[1].split("</details>", 1)[0]
    assert "<summary>अंग्रेज़ी में देखें</summary>" in toggle and ENGLISH_STEM in toggle
    assert re.findall(r"<li>(.*?)</li>", toggle) == ["The Finance Commission", "NITI Aayog", "The RBI",
                                                     "The GST Council"]
    assert "Submit answers" not in page and "उत्तर जमा करें" in page


def test_the_english_page_shows_only_the_english(client):
    """The English practice page has neither the Hindi text nor the toggle."""
    twins_with_a_question()

    page = main_of(client.get("/articles/finance-commission/practice/").content.decode())

    assert ENGLISH_STEM in page and HINDI_STEM not in page and "quiz-english" not in page


def test_a_question_without_hindi_is_shown_in_english_on_the_hindi_page_without_a_toggle(client):
    """Nothing is hidden for want of a translation: the English stem, no "show English"."""
    english = full_article(slug="finance-commission")
    hindi_twin(english)
    question(english)

    page = main_of(client.get("/hi/articles/finance-commission/practice/").content.decode())

    assert ENGLISH_STEM in page and "quiz-english" not in page


def test_one_key_marks_the_hindi_sheet_and_the_results_explain_in_hindi(client):
    """Answering (a) on the Hindi page is right by the one key; the results say so in Hindi, with the
    Hindi explanation, at a /hi/ address."""
    _, hindi, made = twins_with_a_question()
    page = client.get("/hi/articles/finance-commission/practice/").content.decode()
    sheet = re.search(r'name="sheet" value="([^"]+)"', page).group(1)
    right = made.options.get(is_correct=True)

    response = client.post("/hi/articles/finance-commission/practice/", {"sheet": sheet, f"q{made.pk}": right.pk})

    assert response.status_code == 302 and response["Location"].startswith("/hi/practice/")
    result = main_of(client.get(response["Location"]).content.decode())
    assert "सही।" in result and "वित्त आयोग: लेख के तथ्यों से समझाया गया।" in result
    assert Attempt.objects.get().article == hindi and Attempt.objects.get().correct == 1


def test_the_two_statement_shapes_print_upscs_hindi_closing_line_and_fixed_options(client):
    """A Statement-I/II question needs no typed Hindi for its fixed lines: the Hindi page prints UPSC's."""
    english = full_article(slug="finance-commission")
    hindi_twin(english)
    question(english, stem="Consider the following statements:", stem_hi="निम्नलिखित कथनों पर विचार कीजिए:",
             shape=keys.STATEMENT_I_II, statements=[("The first statement.", True), ("The second one.", True)],
             options=[(text, position == 0) for position, text in enumerate(keys.FIXED_OPTIONS[keys.STATEMENT_I_II])])

    page = main_of(client.get("/hi/articles/finance-commission/practice/").content.decode())

    assert "उपर्युक्त कथनों के संदर्भ में, निम्नलिखित में से कौन-सा एक सही है?" in page
    assert "(b) कथन-I और कथन-II दोनों सही हैं, किंतु कथन-II, कथन-I की व्याख्या नहीं करता है" in page


def test_every_closing_line_and_fixed_option_has_its_hindi():
    """Each shape UPSC closes with a line has its Hindi line, and each fixed option its Hindi option."""
    from practice import hindi

    assert set(hindi.CLOSING_LINES) == set(keys.CLOSING_LINES)
    assert all(hindi.CLOSING_LINES.values())
    for shape, options in keys.FIXED_OPTIONS.items():
        assert [hindi.fixed_option_in_hindi(text) for text in options] == hindi.FIXED_OPTIONS[shape]


def test_the_hindi_practice_index_lists_the_twin_with_its_originals_question_count(client):
    """/hi/practice/ names the Hindi article, counting the English original's questions it offers."""
    english, hindi, _ = twins_with_a_question()
    question(english, stem="A second question.", position=1)

    page = main_of(client.get("/hi/practice/").content.decode())

    assert "वित्त आयोग और करों का बँटवारा" in page and "2 प्रश्न" in page
    assert english.title not in page


def released_month_with_a_bilingual_question():
    march = EditionFactory(year=2024, month=3, release_at=timezone.now())
    english, hindi, made = twins_with_a_question(edition=march)
    return march, made


def test_the_months_quiz_paper_and_key_come_in_hindi_under_hi(client):
    """/hi/editions/2024/03/quiz/, its printable paper and (once closed) its key print the Hindi."""
    march, made = released_month_with_a_bilingual_question()

    quiz = main_of(client.get("/hi/editions/2024/03/quiz/").content.decode())
    paper = main_of(client.get("/hi/editions/2024/03/quiz/print/").content.decode())

    assert HINDI_STEM in quiz and "मासिक क्विज़" in quiz and "शेष समय:" in quiz
    assert HINDI_STEM in paper and "उत्तर ग्रिड" in paper and ENGLISH_STEM in paper  # both, as UPSC prints
    march.quiz.closes_after_days = 0
    march.quiz.save()
    key = main_of(client.get("/hi/editions/2024/03/quiz/key/").content.decode())
    assert "वित्त आयोग: लेख के तथ्यों से समझाया गया।" in key and "उत्तर-कुंजी" in key


def test_a_corrected_key_is_noted_in_both_languages(client, settings):
    """Correcting the key writes the erratum in English and in Hindi, each shown on its own site."""
    english, hindi, made = twins_with_a_question()
    attempt = services.submit(choices={made: made.options.get(position=0)}, token=services.new_token(),
                              device="d" * 32, by_staff=False, article=english, countable=True)
    right_before = made.right_option.pk
    Option.objects.filter(question=made).update(is_correct=False)
    Option.objects.filter(question=made, position=1).update(is_correct=True)

    services.correct_key(Question.objects.get(pk=made.pk), right_before)

    made.refresh_from_db()
    day = timezone.localdate()
    assert made.erratum.startswith("Key corrected on ") and made.erratum.endswith("the answer is (b).")
    assert made.erratum_hi.endswith("को उत्तर-कुंजी सुधारी गई: सही उत्तर (b) है।") and str(day.year) in made.erratum_hi
    english_result = client.get(attempt.get_absolute_url()).content.decode()
    hindi_result = client.get("/hi" + attempt.get_absolute_url()).content.decode()
    assert made.erratum in english_result and made.erratum_hi in hindi_result
