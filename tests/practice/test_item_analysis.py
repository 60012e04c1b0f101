"""Item analysis on a constructed data set whose figures are known: difficulty, discrimination (top 27 %
against bottom 27 % of the same quiz's scorers), each option's share, and the flags."""

import pytest
from django.utils import timezone

from practice.item_analysis import MIN_ATTEMPTS, analyse
from practice.models import Answer, Attempt
from tests.factories import full_article
from tests.practice.factories import question

pytestmark = pytest.mark.django_db


def attempts_scoring(article, scores):
    """One ranked attempt on the article's practice per score (its number of right answers)."""
    return [Attempt.objects.create(article=article, device=f"d{n}", submission=f"s{n}", ranked=True,
                                   correct=score, wrong=0) for n, score in enumerate(scores)]


def answer(attempt, item, label):
    option = item.options.get(position="abcd".index(label))
    Answer.objects.create(attempt=attempt, question=item, option=option,
                          outcome="correct" if option.is_correct else "wrong")


@pytest.fixture
def quiz():
    """30 attempts scoring 0…29. The misleading question: the 15 weakest answer (a), the key; the 15
    strongest (b). The good question: the 15 strongest answer (a), the key, the weakest (c) and (d)."""
    article = full_article(slug="finance-commission")
    misleading, good = question(article, "Misleading?"), question(article, "Good?", position=1)
    attempts = attempts_scoring(article, range(30))
    for rank, attempt in enumerate(attempts):
        answer(attempt, misleading, "a" if rank < 15 else "b")
        answer(attempt, good, "a" if rank >= 15 else "cd"[rank % 2])
    return misleading, good


def test_difficulty_discrimination_and_option_shares_are_computed_as_defined(quiz):
    """Misleading: half right, discrimination −1 (the top 9 all wrong, the bottom 9 all right); good: half
    right, +1; option shares as answered."""
    misleading, good = quiz

    first, second = analyse()

    assert first.question == misleading and second.question == good  # the suspicious first
    assert (first.answered, first.difficulty, first.discrimination) == (30, 0.5, -1.0)
    assert first.options == [("a", 0.5, True), ("b", 0.5, False), ("c", 0.0, False), ("d", 0.0, False)]
    assert (second.difficulty, second.discrimination, second.flags) == (0.5, 1.0, [])
    assert first.flags == ["negative discrimination: the strongest scorers got it wrong more often than the weakest"]


def test_a_wrong_option_chosen_more_than_the_key_is_flagged(quiz):
    """Two of the weakest switch from (a) to (b): (b) now beats the key."""
    misleading, _ = quiz
    for answer_row in Answer.objects.filter(question=misleading, option__position=0)[:2]:
        answer_row.option = misleading.options.get(position=1)
        answer_row.outcome = "wrong"
        answer_row.save()

    flagged = analyse()[0]

    assert "wrong option (b) chosen more often than the key" in flagged.flags


def test_questions_with_fewer_than_20_ranked_answers_are_left_out(quiz):
    """Unranked answers do not count: with only 19 ranked left, neither question is analysed."""
    Attempt.objects.filter(correct__gte=MIN_ATTEMPTS - 1).update(ranked=False)

    assert analyse() == []


def test_editors_see_the_list_with_charts_and_can_download_it(client, quiz):
    """The editors' page lists the flagged question first with its option chart (title and description for
    screen readers); its CSV holds the same figures; a writer is refused."""
    from tests.factories import staff_user

    misleading, good = quiz
    client.force_login(staff_user("meera", role="Editor"))
    page = client.get("/admin/practice/question/item-analysis/").content.decode()
    csv_text = client.get("/admin/practice/question/item-analysis/?format=csv").content.decode()
    client.force_login(staff_user("arjun", role="Writer"))

    assert page.index("Misleading?") < page.index("Good?") and "Flag: negative discrimination" in page
    assert "<desc>(a) 50%, the key; (b) 50%; (c) 0%; (d) 0%; </desc>" in page
    assert csv_text.splitlines()[1].startswith(f"{misleading.pk},Misleading?,30,0.50,-1.00,0.50,0.50,0.00,0.00,")
    assert client.get("/admin/practice/question/item-analysis/").status_code == 403


def test_each_quiz_ranks_its_own_scorers_and_the_groups_are_pooled():
    """One question in an article's quiz (20 sheets scoring 0…19, right from 10 up) and in a month's quiz
    (10 sheets scoring 0…9, right below 5): the article's top 6 are right and bottom 6 wrong, the month's
    top 3 wrong and bottom 3 right, so discrimination is 6/9 − 3/9; ranked together instead, the month's
    weak sheets would fall into the article's lower group."""
    from tests.factories import EditionFactory

    article = full_article(slug="quad-summit")
    edition = EditionFactory(year=2024, month=3)
    item = question(article, "Pooled?")
    for n, attempt in enumerate(attempts_scoring(article, range(20))):
        answer(attempt, item, "a" if n >= 10 else "b")
    for n in range(10):
        attempt = Attempt.objects.create(edition=edition, device=f"m{n}", submission=f"m{n}", ranked=True,
                                         correct=n, wrong=0)
        answer(attempt, item, "a" if n < 5 else "c")

    [found] = analyse()

    assert (found.answered, found.difficulty) == (30, 0.5)
    assert found.discrimination == pytest.approx(3 / 9)
    assert found.options == [("a", 0.5, True), ("b", pytest.approx(10 / 30), False), ("c", pytest.approx(5 / 30), False),
                             ("d", 0.0, False)]


def test_the_editors_page_shows_the_stored_figures_until_they_are_added_up_again(client, quiz):
    """The page computes and stores the figures on its first visit and says when; answers sent afterwards
    change nothing until refresh_item_analysis runs (as the timer does); a question dropped since is left
    out at once."""
    from django.core.management import call_command

    from tests.factories import staff_user

    misleading, good = quiz
    client.force_login(staff_user("meera", role="Editor"))
    first = client.get("/admin/practice/question/item-analysis/").content.decode()
    for n in range(10):
        late = Attempt.objects.create(article=misleading.article, device=f"late{n}", submission=f"late{n}",
                                      ranked=True, correct=n)
        answer(late, good, "a")

    before_refresh = client.get("/admin/practice/question/item-analysis/").content.decode()
    call_command("refresh_item_analysis")
    after_refresh = client.get("/admin/practice/question/item-analysis/").content.decode()
    type(good).objects.filter(pk=good.pk).update(dropped_at=timezone.now())
    after_drop = client.get("/admin/practice/question/item-analysis/").content.decode()

    assert "Figures as of" in first and "every 15 minutes" in first
    assert "<td>30</td>" in before_refresh and "<td>40</td>" not in before_refresh
    assert "<td>40</td>" in after_refresh
    assert "Misleading?" in after_drop and "Good?" not in after_drop


def test_with_the_store_down_the_figures_are_computed_on_the_spot(client, quiz, monkeypatch):
    """A cache that refuses both reading and writing still gives editors the list, figured now."""
    from django.core.cache import cache

    from tests.factories import staff_user

    def refuse(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(cache, "get", refuse)
    monkeypatch.setattr(cache, "set", refuse)
    client.force_login(staff_user("meera", role="Editor"))

    response = client.get("/admin/practice/question/item-analysis/")

    assert response.status_code == 200 and "Misleading?" in response.content.decode()


def test_a_long_list_is_shown_fifty_questions_a_page_the_flagged_first(client, quiz, monkeypatch):
    """With a page of one question, the flagged one is on page 1, the good one on page 2; a page number
    beyond the last shows the last, a malformed one the first."""
    from practice.admin import QuestionAdmin
    from tests.factories import staff_user

    monkeypatch.setattr(QuestionAdmin, "ITEMS_PER_PAGE", 1)
    client.force_login(staff_user("meera", role="Editor"))
    pages = {asked: client.get(f"/admin/practice/question/item-analysis/?page={asked}").content.decode()
             for asked in ("1", "2", "99", "x")}

    assert "Misleading?" in pages["1"] and "Good?" not in pages["1"] and "Page 1 of 2" in pages["1"]
    assert "Good?" in pages["2"] and "Good?" in pages["99"] and "Misleading?" in pages["x"]
    assert "2 questions analysed, 1 flagged" in pages["1"]


def test_figures_stored_in_a_shape_this_release_does_not_read_are_figured_again(client, quiz):
    """Whatever an older release left under the key, the page shows the figures, computed now."""
    from django.core.cache import cache

    from practice.item_analysis import STORE_KEY
    from tests.factories import staff_user

    cache.set(STORE_KEY, {"at": "yesterday", "figures": {1: (20, 0.5)}})
    client.force_login(staff_user("meera", role="Editor"))

    response = client.get("/admin/practice/question/item-analysis/")

    assert response.status_code == 200 and "Misleading?" in response.content.decode()
