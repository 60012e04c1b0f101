"""The answer key of a Prelims question, checked against what its statements say.

Pure: no models, no database. A question of a statement shape carries statements (or pairs) each flagged
true or false; its options are codes ("1 and 3 only") or counts ("Only two"). From the flags the right
option follows, so a key that says otherwise is a contradiction the admin refuses, and an option whose
code cannot be read is named.
"""

import re
from dataclasses import dataclass, field

SINGLE = "single"
WHICH_CORRECT = "which_correct"
WHICH_INCORRECT = "which_incorrect"
HOW_MANY_CORRECT = "how_many_correct"
HOW_MANY_INCORRECT = "how_many_incorrect"
PAIRS = "pairs"
MATCH_LIST = "match_list"
STATEMENT_I_II = "statement_i_ii"
ASSERTION_REASON = "assertion_reason"

SHAPES = [
    (SINGLE, "Single answer"),
    (WHICH_CORRECT, "Statements: which is/are correct?"),
    (WHICH_INCORRECT, "Statements: which is/are not correct?"),
    (HOW_MANY_CORRECT, "Statements: how many are correct?"),
    (HOW_MANY_INCORRECT, "Statements: how many are incorrect?"),
    (PAIRS, "Pairs: how many are correctly matched?"),
    (MATCH_LIST, "Match List-I with List-II (codes)"),
    (STATEMENT_I_II, "Statement-I and Statement-II"),
    (ASSERTION_REASON, "Assertion (A) and Reason (R)"),
]
CODED = {WHICH_CORRECT, WHICH_INCORRECT}
COUNTED = {HOW_MANY_CORRECT, HOW_MANY_INCORRECT, PAIRS}
TWO_STATEMENT = {STATEMENT_I_II, ASSERTION_REASON}
WITH_STATEMENTS = CODED | COUNTED | TWO_STATEMENT | {MATCH_LIST}

# The closing line UPSC prints under the statements, per shape.
CLOSING_LINES = {
    WHICH_CORRECT: "Which of the statements given above is/are correct?",
    WHICH_INCORRECT: "Which of the statements given above is/are not correct?",
    HOW_MANY_CORRECT: "How many of the above statements are correct?",
    HOW_MANY_INCORRECT: "How many of the above statements are not correct?",
    PAIRS: "How many of the pairs given above are correctly matched?",
    MATCH_LIST: "Select the correct answer using the code given below.",
    STATEMENT_I_II: "Which one of the following is correct in respect of the above statements?",
    ASSERTION_REASON: "Select the correct answer using the code given below.",
}

# The four options UPSC always prints for the two-statement shapes, in order (a)–(d).
FIXED_OPTIONS = {
    STATEMENT_I_II: [
        "Both Statement-I and Statement-II are correct and Statement-II explains Statement-I",
        "Both Statement-I and Statement-II are correct, but Statement-II does not explain Statement-I",
        "Statement-I is correct, but Statement-II is incorrect",
        "Statement-I is incorrect, but Statement-II is correct",
    ],
    ASSERTION_REASON: [
        "Both A and R are true, and R is the correct explanation of A",
        "Both A and R are true, but R is not the correct explanation of A",
        "A is true, but R is false",
        "A is false, but R is true",
    ],
}

LABELS = "abcd"


def label(index):
    """(a)–(d) for the first four options; a number beyond them (the admin refuses more than four)."""
    return LABELS[index] if index < len(LABELS) else str(index + 1)

NUMBER_WORDS = {"none": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


@dataclass
class Statement:
    text: str
    is_true: bool


@dataclass
class Option:
    text: str
    is_correct: bool
    explanation: str = ""


@dataclass
class Question:
    shape: str
    statements: list = field(default_factory=list)
    options: list = field(default_factory=list)
    second_explains_first: bool = False  # pragma: no mutate (None reads as False) Statement-II explains Statement-I


def code_claim(text, statement_count):
    """The statement numbers an option like "1 and 3 only" names, or None when it names none readably."""
    lowered = text.lower()
    if re.search(r"\bnone\b|\bneither\b", lowered):
        return frozenset()
    if re.search(r"\ball\b|\bboth\b", lowered) and not re.search(r"\d", lowered):
        return frozenset(range(1, statement_count + 1))
    numbers = {int(number) for number in re.findall(r"\b(\d{1,2})\b", lowered)}
    if not numbers or any(number < 1 or number > statement_count for number in numbers):
        return None
    return frozenset(numbers)


def match_claim(text, letters):
    """The matching an option code states, {"A": 3, "B": 1, …}: written "A-3, B-1, C-2, D-4" or, in the
    order of List-I, "3 1 2 4"; None when it cannot be read."""
    pairs = re.findall(r"\b([A-Ha-h])\s*[-–:→)]\s*(\d)\b", text)
    if pairs:
        return {letter.upper(): int(number) for letter, number in pairs}
    numbers = re.findall(r"\d", text)
    return dict(zip(letters, map(int, numbers))) if len(numbers) == len(letters) else None


def count_claim(text, statement_count):
    """How many an option like "Only two" or "All three" claims, or None when it cannot be read."""
    lowered = text.lower()
    if re.search(r"\ball\b", lowered):
        return statement_count
    for word in re.findall(r"[a-z]+|\d+", lowered):
        if word.isdigit():
            return int(word)
        if word in NUMBER_WORDS:
            return NUMBER_WORDS[word]
    return None


def right_option(question):
    """The index of the option the statements' flags make right, or None for a single-answer question.

    Raises ValueError, with the reason for the writer, when the options cannot be read or none fits.
    """
    shape, statements, options = question.shape, question.statements, question.options
    if shape == SINGLE:
        return None
    flags = [statement.is_true for statement in statements]
    if shape in TWO_STATEMENT:
        if len(statements) != 2:
            raise ValueError("Write exactly two statements: Statement-I and Statement-II (or A and R).")
        first, second = flags
        if first and second:
            return 0 if question.second_explains_first else 1
        if first:
            return 2
        if second:
            return 3
        raise ValueError("Both statements are marked false, which none of the four fixed options says.")
    if len(statements) < 2:
        raise ValueError("Write at least two statements (or pairs).")
    if shape == MATCH_LIST:
        return _right_match(statements, options)
    if shape in CODED:
        wanted = {number for number, flag in enumerate(flags, start=1) if flag == (shape == WHICH_CORRECT)}
        claims = [code_claim(option.text, len(statements)) for option in options]
    else:
        wanted = sum(flags) if shape in (HOW_MANY_CORRECT, PAIRS) else len(flags) - sum(flags)
        claims = [count_claim(option.text, len(statements)) for option in options]
    unreadable = [label(index) for index, claim in enumerate(claims) if claim is None]
    if unreadable:
        example = "“1 and 3 only”" if shape in CODED else "“Only two”"
        raise ValueError(f"Option ({', '.join(unreadable)}) cannot be read as a code: write it like {example}.")
    fitting = [index for index, claim in enumerate(claims) if claim == wanted]
    if len(fitting) != 1:
        said = _describe(wanted, shape)
        raise ValueError(f"The statements' true/false marks make the answer {said}, which "
                         f"{'no option says' if not fitting else 'more than one option says'}.")
    return fitting[0]


def _right_match(statements, options):
    """For match-the-list, each statement is one correct match ("A-3"); the right option states them all."""
    letters = "ABCDEFGH"[:len(statements)]
    wanted = {}
    for statement in statements:
        match = match_claim(statement.text, letters)
        if not match or len(match) != 1:
            raise ValueError(f"Write each correct match as one row like “A-3” (not “{statement.text[:40]}”).")
        wanted.update(match)
    claims = [match_claim(option.text, letters) for option in options]
    unreadable = [label(index) for index, claim in enumerate(claims) if claim is None]
    if unreadable:
        raise ValueError(f"Option ({', '.join(unreadable)}) cannot be read as a code: write it like “A-3, B-1, C-2, D-4”.")
    fitting = [index for index, claim in enumerate(claims) if claim == wanted]
    if len(fitting) != 1:
        said = ", ".join(f"{letter}-{number}" for letter, number in sorted(wanted.items()))
        raise ValueError(f"The matches make the answer “{said}”, which "
                         f"{'no option says' if not fitting else 'more than one option says'}.")
    return fitting[0]


def _describe(wanted, shape):
    if shape in CODED:
        return "“" + (", ".join(str(number) for number in sorted(wanted)) or "none") + "”"
    return f"“{wanted}”"


def problems(question, *, approving=False):
    """Everything wrong with a question's key, as sentences for the writer; [] when it is sound."""
    found = []
    correct = [index for index, option in enumerate(question.options) if option.is_correct]
    if len(question.options) != 4:
        found.append("Give exactly four options, (a) to (d).")
    if len(correct) != 1:
        found.append(f"Mark exactly one option correct (now {len(correct)}).")
    if question.shape in WITH_STATEMENTS:
        try:
            right = right_option(question)
        except ValueError as error:
            found.append(str(error))
        else:
            if len(correct) == 1 and correct[0] != right:
                found.append(f"The key says ({label(correct[0])}), but the statements' true/false marks make "
                             f"({label(right)}) right: correct the key or the marks.")
    elif question.statements:
        found.append("A single-answer question has no statements: choose a statement shape or remove them.")
    if approving and any(not option.explanation.strip() for option in question.options):
        missing = ", ".join(f"({label(index)})" for index, option in enumerate(question.options)
                            if not option.explanation.strip())
        found.append(f"Explain every option before approving: {missing} has no explanation.")
    return found
