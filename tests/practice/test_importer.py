"""Importing an institute's questions in the formats coaching sites print, written for these tests."""

import pytest

from practice import keys
from practice.importer import parse
from practice.models import Question

PASTED = """Monthly practice set
Q.1) Under which Article is the Finance Commission appointed?
(a) Article 280
(b) Article 270
(c) Article 275
(d) Article 293
Answer: (a)
Explanation: Article 280 asks the President to appoint it every five years.

Q2. Consider the following statements:
1. Cesses are shared with the States.
2. The States' share was kept at 41 per cent.
3. The Commission advises on local bodies.
Which of the statements given above is/are correct?
a) 1 only
b) 2 and 3 only
c) 1 and 3 only
d) 1, 2 and 3
Ans: B
Explanation: Cesses stay outside the divisible pool.

3. Consider the following statements:
1. The bustard is Critically Endangered.
2. It lives in mangroves.
How many of the above statements are correct?
A. Only one
B. Only two
C. None
D. All
उत्तर: (A)

Q.4) Consider the following:
Statement-I: Power lines kill many bustards.
Statement-II: The bird cannot see wires ahead in time.
Which one of the following is correct in respect of the above statements?
(a) Both correct, II explains I
(b) Both correct, II does not explain I
(c) I correct, II incorrect
(d) I incorrect, II correct
Correct answer: A
"""


def test_every_format_is_read_with_its_shape_key_and_explanation():
    """Q.1) / Q2. / 3. numbering, (a) / a) / A. options, Answer / Ans / उत्तर / Correct answer keys."""
    questions, report = parse(PASTED)

    assert [q.number for q in questions] == [1, 2, 3, 4]
    single, coded, counted, two = questions
    assert single.shape == keys.SINGLE and single.answer == 0 and single.options[0] == "Article 280"
    assert single.explanation.startswith("Article 280 asks the President")
    assert coded.shape == keys.WHICH_CORRECT and coded.answer == 1 and len(coded.statements) == 3
    assert coded.flags == [False, True, True]  # read from the key "2 and 3 only"
    assert counted.shape == keys.HOW_MANY_CORRECT and counted.answer == 0
    assert two.shape == keys.STATEMENT_I_II and two.flags == [True, True] and two.second_explains_first
    assert report[0] == "Skipped before the first question: “Monthly practice set”."
    assert "Question 3: mark each statement (or pair) true or false: the key does not say which." in report


def test_a_question_without_an_answer_or_with_three_options_is_reported():
    """What could not be placed is named, question by question."""
    questions, report = parse("Q1. Which river rises at Talakaveri?\n(a) Kaveri\n(b) Godavari\n(c) Krishna\n")

    assert len(questions) == 1
    assert "Question 1: found 3 options, not four: check the options." in report
    assert "Question 1: no answer line (“Answer: (b)”): mark the correct option." in report


@pytest.mark.django_db
def test_the_admin_import_saves_drafts_and_shows_the_report(client, editor):
    """Pasted questions become drafts (students see none of them) with their statements, options and key."""
    from tests.factories import full_article

    article = full_article(slug="finance-commission")
    client.force_login(editor)

    page = client.post("/admin/practice/question/import/", {"text": PASTED, "article": article.pk}).content.decode()

    assert Question.objects.count() == 4 and not Question.objects.public().exists()
    coded = Question.objects.get(shape=keys.WHICH_CORRECT)
    assert coded.article == article and coded.right_option.text == "2 and 3 only"
    assert [s.is_true for s in coded.statements.all()] == [False, True, True]
    assert keys.problems(coded.as_key()) == []
    assert "4 question(s) imported as drafts." in page and "Needs a look" in page


@pytest.mark.django_db
def test_text_without_questions_is_refused_with_a_message(client, editor):
    """Text with no numbered question saves nothing and says how to number them."""
    client.force_login(editor)
    page = client.post("/admin/practice/question/import/", {"text": "Just a note."}).content.decode()

    assert "No question was found" in page and not Question.objects.exists()


MATCH_THE_LIST = """Q.7) Match List-I with List-II:
List-I (Convention)        List-II (Subject)
A. Ramsar Convention       1. Migratory animals
B. Bonn Convention         2. Wetlands of international importance
C. CITES                   3. Trade in wild fauna and flora
Select the correct answer using the code given below:
(a) A-2, B-1, C-3
(b) A-1, B-2, C-3
(c) A-3, B-2, C-1
(d) A-2, B-3, C-1
Answer: (a)
Explanation: Ramsar is about wetlands; Bonn about migratory species.

8. Match the following:
List-I
A. Kaziranga
B. Keoladeo
List-II
1. Rajasthan
2. Assam
Codes:
a) 2 1
b) 1 2
c) 2 2
d) 1 1
Ans: A
"""


def test_match_the_list_tables_are_read_into_the_stem_with_the_matches_from_the_key():
    """Both lists, side by side or one under the other, stay in the stem as printed; the options are the codes,
    and the key's code becomes the correct matches ("A-2" …), each marked true, so the question passes the
    key check as it stands."""
    questions, report = parse(MATCH_THE_LIST)

    side_by_side, stacked = questions
    assert report == []
    assert side_by_side.shape == stacked.shape == keys.MATCH_LIST
    assert "A. Ramsar Convention 1. Migratory animals" in side_by_side.stem.splitlines()
    assert side_by_side.options[0] == "A-2, B-1, C-3" and side_by_side.answer == 0
    assert side_by_side.statements == ["A-2", "B-1", "C-3"] and all(side_by_side.flags)
    assert stacked.stem.splitlines()[1:] == ["List-I", "A. Kaziranga", "B. Keoladeo", "List-II", "1. Rajasthan",
                                             "2. Assam", "Codes:"]
    assert stacked.options == ["2 1", "1 2", "2 2", "1 1"] and stacked.statements == ["A-2", "B-1"]
    for parsed in questions:
        key = keys.Question(shape=parsed.shape, statements=[keys.Statement(text, True) for text in parsed.statements],
                            options=[keys.Option(text, index == parsed.answer, "Explained.")
                                     for index, text in enumerate(parsed.options)])
        assert keys.problems(key, approving=True) == []


def test_a_match_the_list_question_without_a_readable_key_is_reported():
    """Without an answer line the matches cannot be known: the report asks for them."""
    questions, report = parse(MATCH_THE_LIST.replace("Ans: A\n", ""))

    assert questions[1].shape == keys.MATCH_LIST and questions[1].statements == []
    assert any("Question 8" in line and "correct matches" in line for line in report)
