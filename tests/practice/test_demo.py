"""The demo's Prelims questions: every shape, approved, sound keys, loaded once."""

import pytest
from django.core.management import call_command

from practice import keys
from practice.models import Question

pytestmark = pytest.mark.django_db


def test_load_demo_adds_sound_questions_of_every_shape_once(monkeypatch, client):
    """Each shape but "how many are incorrect" and "which are not correct" has a demo question; every one
    is approved with a key that agrees with its statements; a second run adds nothing; articles offer them."""
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-2024")

    call_command("load_demo", "--force", verbosity=0)
    count = Question.objects.count()
    call_command("load_demo", "--force", verbosity=0)

    assert Question.objects.count() == count >= 6
    shapes = set(Question.objects.values_list("shape", flat=True))
    assert shapes >= {keys.SINGLE, keys.WHICH_CORRECT, keys.HOW_MANY_CORRECT, keys.PAIRS, keys.MATCH_LIST,
                      keys.STATEMENT_I_II, keys.ASSERTION_REASON}
    for question in Question.objects.all():
        assert question.status == "approved" and keys.problems(question.as_key(), approving=True) == []
    assert Question.objects.public().count() == count
    page = client.get("/articles/great-indian-bustard-power-lines/").content.decode()
    assert "Practise 2 Prelims questions" in page


def test_the_demo_twins_offer_their_english_questions_in_hindi(monkeypatch, client):
    """The Hindi Finance Commission twin offers both of the English article's questions, written in Hindi
    (statements, options and all), each with the English a tap away."""
    monkeypatch.setenv("DEMO_PASSWORD", "demo-pass-2024")
    call_command("load_demo", "--force", verbosity=0)

    page = client.get("/hi/articles/sixteenth-finance-commission-fiscal-federalism/practice/").content.decode()

    assert "संविधान के किस अनुच्छेद के तहत वित्त आयोग का गठन किया जाता है?" in page
    assert "(b) केवल 2 और 3" in page and "उपकर और अधिभार अन्य संघीय करों की तरह" in page
    assert page.count('<details class="quiz-english" lang="en">') == 2
    assert Question.objects.exclude(stem_hi="").count() == 3
