"""The answer key checked against the statements: every UPSC shape, contradictions named, codes read."""

import pytest

from practice import keys
from practice.keys import Option, Question, Statement


def coded(flags, key, codes=("1 only", "1 and 3 only", "2 and 3 only", "1, 2 and 3"), shape=keys.WHICH_CORRECT):
    return Question(shape=shape, statements=[Statement(f"S{n}", flag) for n, flag in enumerate(flags, 1)],
                    options=[Option(code, code == key, "why") for code in codes])


def counted(flags, key, shape=keys.HOW_MANY_CORRECT, codes=("Only one", "Only two", "All three", "None")):
    return Question(shape=shape, statements=[Statement(f"S{n}", flag) for n, flag in enumerate(flags, 1)],
                    options=[Option(code, code == key, "why") for code in codes])


def test_a_key_that_agrees_with_the_statements_is_sound():
    """Statements 1 and 3 true with the key "1 and 3 only": nothing to correct."""
    assert keys.problems(coded([True, False, True], "1 and 3 only"), approving=True) == []


def test_a_key_that_contradicts_the_statements_is_named():
    """Statements 1 and 3 true but the key "1 only": the writer is told which option the marks make right."""
    assert keys.problems(coded([True, False, True], "1 only")) == [
        "The key says (a), but the statements' true/false marks make (b) right: correct the key or the marks."]


def test_which_are_not_correct_counts_the_false_statements():
    """For "which is/are not correct?" the key names the false statements."""
    assert keys.problems(coded([True, False, False], "2 and 3 only", shape=keys.WHICH_INCORRECT)) == []
    assert keys.problems(coded([True, False, False], "1 only", shape=keys.WHICH_INCORRECT)) != []


@pytest.mark.parametrize("shape, flags, key", [
    (keys.HOW_MANY_CORRECT, [True, True, False], "Only two"),
    (keys.HOW_MANY_INCORRECT, [True, True, False], "Only one"),
    (keys.PAIRS, [True, True, True], "All three"),
    (keys.HOW_MANY_CORRECT, [False, False, False], "None"),
])
def test_how_many_questions_count_the_flags(shape, flags, key):
    """"How many are correct / incorrect / correctly matched" keys equal the count of the flags."""
    assert keys.problems(counted(flags, key, shape=shape)) == []


def test_two_statements_marked_true_but_the_key_says_only_one_is_refused():
    """The issue's example: two statements true, key "Only one" — refused, naming the right count."""
    found = keys.problems(counted([True, True, False], "Only one"))

    assert found == ["The key says (a), but the statements' true/false marks make (b) right: correct the key or the marks."]


@pytest.mark.parametrize("first, second, explains, right", [
    (True, True, True, 0), (True, True, False, 1), (True, False, False, 2), (False, True, False, 3)])
@pytest.mark.parametrize("shape", [keys.STATEMENT_I_II, keys.ASSERTION_REASON])
def test_statement_i_ii_and_assertion_reason_follow_the_fixed_options(shape, first, second, explains, right):
    """The four fixed options: both true and explains (a), both true not explaining (b), only I (c), only II (d)."""
    question = Question(shape=shape, statements=[Statement("I", first), Statement("II", second)],
                        options=[Option(text, index == right, "why") for index, text in enumerate(keys.FIXED_OPTIONS[shape])],
                        second_explains_first=explains)

    assert keys.right_option(question) == right and keys.problems(question) == []


def test_both_statements_false_fits_no_fixed_option():
    """Two false statements are refused: none of UPSC's four options says so."""
    question = Question(shape=keys.STATEMENT_I_II, statements=[Statement("I", False), Statement("II", False)],
                        options=[Option(text, index == 0, "") for index, text in enumerate(keys.FIXED_OPTIONS[keys.STATEMENT_I_II])])
    assert "Both statements are marked false" in keys.problems(question)[0]


@pytest.mark.parametrize("correct_count", [0, 2])
def test_exactly_one_option_must_be_correct(correct_count):
    """No correct option, or two, is refused with the count."""
    question = Question(shape=keys.SINGLE, options=[Option(str(n), n < correct_count, "why") for n in range(4)])

    assert f"Mark exactly one option correct (now {correct_count})." in keys.problems(question)


def test_approval_needs_every_option_explained():
    """A question may be drafted without explanations, but not approved; the missing ones are named."""
    question = Question(shape=keys.SINGLE, options=[Option("A", True, "why"), Option("B", False, ""),
                                                    Option("C", False, "why"), Option("D", False, " ")])

    assert keys.problems(question) == []
    assert keys.problems(question, approving=True) == [
        "Explain every option before approving: (b), (d) has no explanation."]


def test_an_option_that_is_not_a_code_is_named():
    """A statement question whose option says "Mumbai" cannot be checked: the option is named with an example."""
    found = keys.problems(coded([True, False, True], "1 and 3 only", codes=("1 only", "1 and 3 only", "Mumbai", "1, 2 and 3")))

    assert found == ["Option (c) cannot be read as a code: write it like “1 and 3 only”."]


@pytest.mark.parametrize("text, count, claim", [
    ("1 only", 3, {1}), ("2 and 3 only", 3, {2, 3}), ("1, 2 and 3", 3, {1, 2, 3}), ("Both 1 and 2", 2, {1, 2}),
    ("Neither 1 nor 2", 2, set()), ("None of the above", 3, set()), ("4 only", 3, None), ("All of them", 3, {1, 2, 3}),
    ("0 and 1 only", 3, None),
])
def test_codes_are_read_as_sets_of_statement_numbers(text, count, claim):
    """Option codes name statement numbers; "none"/"neither" name none; a number beyond the statements is unreadable."""
    assert keys.code_claim(text, count) == (frozenset(claim) if claim is not None else None)


def matching(rows, options, key):
    return Question(shape=keys.MATCH_LIST, statements=[Statement(row, True) for row in rows],
                    options=[Option(text, text == key, "why") for text in options])


@pytest.mark.parametrize("options, key", [
    (["A-3, B-1, C-2", "A-1, B-2, C-3", "A-2, B-3, C-1", "A-3, B-2, C-1"], "A-3, B-1, C-2"),
    (["3 1 2", "1 2 3", "2 3 1", "3 2 1"], "3 1 2"),
])
def test_match_the_list_codes_are_checked_against_the_correct_matches(options, key):
    """Rows "A-3", "B-1", "C-2" make "A-3, B-1, C-2" (or "3 1 2") right; another key is named as wrong."""
    rows = ["A-3", "B-1", "C-2"]

    assert keys.problems(matching(rows, options, key)) == []
    assert keys.problems(matching(rows, options, options[1]))[0].startswith("The key says (b), but")


def test_a_match_row_that_is_not_one_match_is_named():
    """A row that does not read as one match ("A-3") is refused with what to write."""
    found = keys.problems(matching(["A-3", "Sanchi"], ["A-3, B-1", "A-1, B-3", "A-2, B-1", "A-3, B-2"], "A-3, B-1"))

    assert found == ["Write each correct match as one row like “A-3” (not “Sanchi”)."]


@pytest.mark.parametrize("text, count, claim", [
    ("Only one", 3, 1), ("Only two", 4, 2), ("Only three", 4, 3), ("All four", 4, 4), ("Only five", 6, 5),
    ("Only six", 6, 6), ("Only four", 5, 4), ("None", 3, 0), ("No pair", 3, 0), ("Only 2", 3, 2), ("All of them", 3, 3),
    ("Many of them", 3, None),
])
def test_how_many_codes_are_read_in_words_or_digits(text, count, claim):
    """"Only two", "Only 2", "No pair", "All of them" each claim a count; a code with no count in it claims none."""
    assert keys.count_claim(text, count) == claim


def test_both_with_numbers_names_those_statements_not_all_of_them():
    """"Both 1 and 3" of three statements names statements 1 and 3; "Both" alone names every statement."""
    assert keys.code_claim("Both 1 and 3", 3) == frozenset({1, 3})
    assert keys.code_claim("Both of them", 2) == frozenset({1, 2})
    assert keys.code_claim("Only the first", 3) is None


def test_a_single_answer_question_has_no_key_to_derive():
    """A single-answer question's right option is whatever the writer marked: nothing follows from statements."""
    assert keys.right_option(Question(shape=keys.SINGLE, options=[Option("A", True)])) is None


@pytest.mark.parametrize("shape, statements, message", [
    (keys.STATEMENT_I_II, 3, "Write exactly two statements: Statement-I and Statement-II (or A and R)."),
    (keys.WHICH_CORRECT, 1, "Write at least two statements (or pairs)."),
])
def test_a_statement_question_with_the_wrong_number_of_statements_is_refused(shape, statements, message):
    """Statement-I/II needs exactly two statements, the other statement shapes at least two."""
    question = Question(shape=shape, statements=[Statement(str(n), True) for n in range(statements)],
                        options=[Option("1 only", True, "why")] + [Option(f"{n} only", False, "why") for n in (2, 3, 4)])

    assert message in keys.problems(question)


def test_a_key_no_option_or_two_options_state_is_named():
    """Marks that no option states, or that two options state, are refused with the answer they make."""
    nobody = coded([True, True, False], "1 only", codes=("1 only", "2 only", "3 only", "1, 2 and 3"))
    twice = coded([True, False, False], "1 only", codes=("1 only", "Only 1", "3 only", "1, 2 and 3"))
    nothing_false = coded([True, True, True], "1 only", shape=keys.WHICH_INCORRECT)

    assert keys.problems(nobody) == ["The statements' true/false marks make the answer “1, 2”, which no option says."]
    assert keys.problems(twice) == [
        "The statements' true/false marks make the answer “1”, which more than one option says."]
    assert keys.problems(nothing_false) == [
        "The statements' true/false marks make the answer “none”, which no option says."]


def test_a_match_key_no_option_or_two_options_state_is_named():
    """Match-the-list: matches no option states, or two options state, are refused with the matches; an
    unreadable option is named; a row holding two matches is not one match."""
    rows = ["A-3", "B-1"]

    assert keys.problems(matching(rows, ["A-1, B-3", "A-2, B-1", "A-1, B-2", "A-2, B-3"], "A-1, B-3")) == [
        "The matches make the answer “A-3, B-1”, which no option says."]
    assert keys.problems(matching(rows, ["A-3, B-1", "3 1", "A-1, B-2", "A-2, B-3"], "A-3, B-1")) == [
        "The matches make the answer “A-3, B-1”, which more than one option says."]
    assert keys.problems(matching(rows, ["A-3, B-1", "Sanchi", "A-1, B-2", "A-2, B-3"], "A-3, B-1")) == [
        "Option (b) cannot be read as a code: write it like “A-3, B-1, C-2, D-4”."]
    assert keys.problems(matching(["A-3, B-1", "B-1"], ["A-3, B-1", "A-1, B-3", "A-2, B-1", "A-3, B-2"], "A-3, B-1")) == [
        "Write each correct match as one row like “A-3” (not “A-3, B-1”)."]


def test_two_options_marked_correct_is_one_problem_not_also_a_contradiction():
    """With two options marked correct the writer is told to mark one; the key is not also called wrong."""
    question = coded([True, False, True], "1 and 3 only")
    question.options[0].is_correct = True

    assert keys.problems(question) == ["Mark exactly one option correct (now 2)."]


def test_every_statement_shape_prints_upscs_closing_line():
    """Each statement shape has the line UPSC prints under its statements."""
    assert set(keys.CLOSING_LINES) == keys.WITH_STATEMENTS
    assert keys.CLOSING_LINES[keys.WHICH_INCORRECT] == "Which of the statements given above is/are not correct?"
    assert keys.CLOSING_LINES[keys.PAIRS] == "How many of the pairs given above are correctly matched?"
    assert len(set(keys.CLOSING_LINES.values())) == len(keys.CLOSING_LINES) - 1  # two shapes share "Select …"


def test_the_shapes_are_stored_and_offered_under_their_names():
    """Questions already stored name their shape by these codes, and the admin offers them with these labels."""
    assert keys.SHAPES == [
        ("single", "Single answer"),
        ("which_correct", "Statements: which is/are correct?"),
        ("which_incorrect", "Statements: which is/are not correct?"),
        ("how_many_correct", "Statements: how many are correct?"),
        ("how_many_incorrect", "Statements: how many are incorrect?"),
        ("pairs", "Pairs: how many are correctly matched?"),
        ("match_list", "Match List-I with List-II (codes)"),
        ("statement_i_ii", "Statement-I and Statement-II"),
        ("assertion_reason", "Assertion (A) and Reason (R)"),
    ]


def test_upscs_wording_is_printed_word_for_word():
    """The closing lines and the four fixed options of the two-statement shapes are UPSC's own words."""
    assert keys.CLOSING_LINES == {
        keys.WHICH_CORRECT: "Which of the statements given above is/are correct?",
        keys.WHICH_INCORRECT: "Which of the statements given above is/are not correct?",
        keys.HOW_MANY_CORRECT: "How many of the above statements are correct?",
        keys.HOW_MANY_INCORRECT: "How many of the above statements are not correct?",
        keys.PAIRS: "How many of the pairs given above are correctly matched?",
        keys.MATCH_LIST: "Select the correct answer using the code given below.",
        keys.STATEMENT_I_II: "Which one of the following is correct in respect of the above statements?",
        keys.ASSERTION_REASON: "Select the correct answer using the code given below.",
    }
    assert keys.FIXED_OPTIONS == {
        keys.STATEMENT_I_II: [
            "Both Statement-I and Statement-II are correct and Statement-II explains Statement-I",
            "Both Statement-I and Statement-II are correct, but Statement-II does not explain Statement-I",
            "Statement-I is correct, but Statement-II is incorrect",
            "Statement-I is incorrect, but Statement-II is correct",
        ],
        keys.ASSERTION_REASON: [
            "Both A and R are true, and R is the correct explanation of A",
            "Both A and R are true, but R is not the correct explanation of A",
            "A is true, but R is false",
            "A is false, but R is true",
        ],
    }


def test_options_are_labelled_a_to_d_then_numbered():
    """The first four options are (a)–(d); a fifth, which the admin refuses, is called 5."""
    assert [keys.label(index) for index in range(6)] == ["a", "b", "c", "d", "5", "6"]


@pytest.mark.parametrize("question, problem", [
    (Question(shape=keys.SINGLE), "Give exactly four options, (a) to (d)."),
    (Question(shape=keys.SINGLE, statements=[Statement("S1", True)],
              options=[Option(text, text == "A", "why") for text in "ABCD"]),
     "A single-answer question has no statements: choose a statement shape or remove them."),
    (Question(shape=keys.WHICH_CORRECT, options=[Option(text, text == "1 only", "why") for text in
                                                 ("1 only", "2 only", "Both 1 and 2", "Neither 1 nor 2")]),
     "Write at least two statements (or pairs)."),
    (Question(shape=keys.STATEMENT_I_II, statements=[Statement("I", False), Statement("II", False)],
              options=[Option(text, index == 0, "why") for index, text in enumerate(keys.FIXED_OPTIONS["statement_i_ii"])]),
     "Both statements are marked false, which none of the four fixed options says."),
    (counted([True, True, False], "Only two", codes=("Only one", "Several", "All three", "Most")),
     "Option (b, d) cannot be read as a code: write it like “Only two”."),
    (counted([True, True, False], "Only one", codes=("Only one", "All three", "None", "Only four")),
     "The statements' true/false marks make the answer “2”, which no option says."),
])
def test_each_problem_is_named_in_the_writers_words(question, problem):
    """Every refusal is one sentence saying what to write instead: nothing given, statements on a
    single-answer question or missing on a statement one, both statements false, unreadable counts, a key
    no option states."""
    assert problem in keys.problems(question)


def test_a_long_match_row_is_quoted_by_its_first_forty_characters():
    """A row that is not a match is quoted, cut at forty characters; several unreadable options are named together."""
    row = "The Sanchi stupa was built under Ashoka the Great, by tradition"
    assert keys.problems(matching(["A-3", row], ["A-3, B-1", "A-1, B-3", "A-2, B-1", "A-3, B-2"], "A-3, B-1")) == [
        f"Write each correct match as one row like “A-3” (not “{row[:40]}”)."]
    assert keys.problems(matching(["A-3", "B-1"], ["A-3, B-1", "Sanchi", "A-2, B-1", "Bharhut"], "A-3, B-1")) == [
        "Option (b, d) cannot be read as a code: write it like “A-3, B-1, C-2, D-4”."]


def test_unless_told_statement_ii_does_not_explain_statement_i():
    """Both statements true with nothing said of the explanation makes (b) right, not (a); an option
    given without an explanation has none."""
    question = Question(shape=keys.ASSERTION_REASON, statements=[Statement("A", True), Statement("R", True)],
                        options=[Option(text, index == 1) for index, text in enumerate(keys.FIXED_OPTIONS["assertion_reason"])])

    assert keys.right_option(question) == 1
    assert keys.problems(question, approving=True) == [
        "Explain every option before approving: (a), (b), (c), (d) has no explanation."]
