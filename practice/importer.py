"""Reading an institute's existing questions, pasted in the formats coaching sites use:

    Q.1) Consider the following statements: / Q1. … / 1. …
    1. A statement.  2. Another.            (numbered statements)
    Which of the statements given above is/are correct?
    (a) 1 only   a) …   A. …                (options)
    Answer: (b)   Ans: B   Correct answer: B   उत्तर: (D)
    Explanation: …
    Match List-I with List-II: List-I / A. … / List-II / 1. … / Codes: (a) A-2, B-3, C-1

Pure: text in, parsed questions and a report out. The statements' true/false marks follow from the key
where the key names them ("1 and 3 only", Statement-I/II codes); otherwise the report asks for them.
"""

import re
from dataclasses import dataclass, field

from . import keys

QUESTION_START = re.compile(r"^(?:Q(?:uestion)?\s*\.?\s*(\d{1,3})\s*[.):\-]|(\d{1,3})\s*[.)])\s*(.*)$", re.IGNORECASE)
STATEMENT = re.compile(r"^(?:\(?(\d{1,2})[.)]|(I{1,3}|IV)[.)])\s+(.*)$")
# "Statement-I: …", "Assertion (A): …", "Reason (R): …": kept whole, the label is part of what students read.
LABELLED_STATEMENT = re.compile(r"^(?:Statement[\s-]*(?:I{1,2}|[12])|Assertion(?:\s*\(A\))?|Reason(?:\s*\(R\))?)"
                                r"\s*[:.)\-–]\s*\S", re.IGNORECASE)
OPTION = re.compile(r"^\(?([a-dA-D])[.)]\s*(.+)$")
ANSWER = re.compile(r"^(?:correct\s+answer|answer|ans|उत्तर)\s*[:.\-–]?\s*\(?([a-dA-D])\)?\s*\.?\s*$", re.IGNORECASE)
EXPLANATION = re.compile(r"^(?:explanation|solution|व्याख्या)\s*[:.\-–]\s*(.*)$", re.IGNORECASE)
CLOSING = re.compile(r"\?\s*$|select the correct answer|code given below", re.IGNORECASE)
# Match the list: the stem names both lists, whose rows ("A. Pakke", "1. Arunachal Pradesh", or both on one
# line) and headings ("List-I (Tiger reserve)", "Codes:") belong to the question as printed; the options
# are codes ("(a) A-1, B-3, C-2") and the correct matches follow from the key.
MATCH_STEM = re.compile(r"\bmatch\b.*\b(?:list|following)|\blist[\s-]*(?:i|1)\b.*\blist[\s-]*(?:ii|2)\b",
                        re.IGNORECASE)
LIST_LINE = re.compile(r"^(?:List[\s-]*(?:I{1,2}|[12])\b|Codes?\s*[:.\-–]?\s*$|[A-H][.)]\s+\S|\(?[1-8][.)]\s+\S)")
LIST_I_ROW = re.compile(r"(?:^|\s)([A-H])[.)]\s+\S")


@dataclass
class ParsedQuestion:
    number: int
    stem: str = ""
    statements: list = field(default_factory=list)
    options: list = field(default_factory=list)  # texts, (a) to (d)
    answer: int | None = None  # index of the right option
    explanation: str = ""
    closing: str = ""
    shape: str = keys.SINGLE
    flags: list = field(default_factory=list)
    second_explains_first: bool = False
    notes: list = field(default_factory=list)


def parse(text):
    """(questions, report lines) from pasted text."""
    questions, report, current, part = [], [], None, None
    lines = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
    for line in filter(None, lines):
        start = QUESTION_START.match(line)
        statement = STATEMENT.match(line)
        if start and (current is None or _complete(current) or line.upper().startswith("Q")):
            current = ParsedQuestion(number=int(start.group(1) or start.group(2)), stem=start.group(3))
            questions.append(current)
            part = "stem"
            continue
        if current is None:
            report.append(f"Skipped before the first question: “{line[:80]}”.")
            continue
        if part in ("stem", "list") and _is_match(current) and LIST_LINE.match(line) \
                and not _is_code_option(line):
            current.stem = f"{current.stem}\n{line}"
            part = "list"
            continue
        if (answer := ANSWER.match(line)):
            current.answer = "abcd".index(answer.group(1).lower())
            part = "answer"
        elif (explained := EXPLANATION.match(line)):
            current.explanation = explained.group(1)
            part = "explanation"
        elif part == "explanation":
            current.explanation = f"{current.explanation} {line}".strip()
        elif (option := OPTION.match(line)) and part in ("stem", "list", "statements", "closing", "options"):
            current.options.append(option.group(2))
            part = "options"
        elif statement and part in ("stem", "statements"):
            current.statements.append(statement.group(3))
            part = "statements"
        elif LABELLED_STATEMENT.match(line) and part in ("stem", "statements"):
            current.statements.append(line)
            part = "statements"
        elif part in ("statements", "list") and CLOSING.search(line):
            current.closing = line
            part = "closing"
        elif part == "stem":
            current.stem = f"{current.stem} {line}".strip()
        else:
            current.notes.append(f"Line not placed: “{line[:80]}”.")
    for question in questions:
        _finish(question)
        report.extend(f"Question {question.number}: {note}" for note in question.notes)
    return questions, report


def _is_match(question):
    return bool(MATCH_STEM.search(question.stem.split("\n")[0]))


def _is_code_option(line):
    """An option of a match question: "(a) A-2, B-3, C-1" or "a) 2 3 1" (a lower-case or bracketed letter)."""
    option = OPTION.match(line)
    return bool(option) and (option.group(1).islower() or line.startswith("("))


def _complete(question):
    return len(question.options) == 4 and question.answer is not None


def _finish(question):
    """The shape from the wording, and the statements' marks from the key where it names them."""
    wording = f"{question.stem} {question.closing}".lower()
    if _is_match(question):
        question.shape = keys.MATCH_LIST
    elif question.statements and re.search(r"statement[\s-]*i\b", " ".join(question.statements).lower()):
        question.shape = keys.STATEMENT_I_II
    elif question.statements and re.search(r"assertion|\(a\)|reason", " ".join(question.statements).lower()):
        question.shape = keys.ASSERTION_REASON
    elif question.statements and "pair" in wording:
        question.shape = keys.PAIRS
    elif question.statements and "how many" in wording:
        question.shape = keys.HOW_MANY_INCORRECT if re.search(r"not correct|incorrect", wording) else keys.HOW_MANY_CORRECT
    elif question.statements:
        question.shape = keys.WHICH_INCORRECT if re.search(r"not correct|incorrect", wording) else keys.WHICH_CORRECT
    question.flags = [False] * len(question.statements)
    if len(question.options) != 4:
        question.notes.append(f"found {len(question.options)} options, not four: check the options.")
    if question.answer is None:
        question.notes.append("no answer line (“Answer: (b)”): mark the correct option.")
    elif question.answer < len(question.options):
        _marks_from_key(question)
    if question.shape == keys.MATCH_LIST and not question.statements:
        question.notes.append("write the correct matches as rows like “A-3”: the key could not be read.")
    if question.statements and question.shape in keys.COUNTED:
        question.notes.append("mark each statement (or pair) true or false: the key does not say which.")


def _marks_from_key(question):
    right = question.options[question.answer]
    if question.shape in keys.CODED:
        named = keys.code_claim(right, len(question.statements)) or frozenset()
        wanted_true = question.shape == keys.WHICH_CORRECT
        question.flags = [(number in named) == wanted_true for number in range(1, len(question.statements) + 1)]
    elif question.shape == keys.MATCH_LIST:
        letters = "".join(dict.fromkeys(LIST_I_ROW.findall(question.stem))) or "ABCD"
        matches = keys.match_claim(right, letters)
        if matches:  # each correct match is a true row, as the admin writes them
            question.statements = [f"{letter}-{number}" for letter, number in sorted(matches.items())]
            question.flags = [True] * len(question.statements)
    elif question.shape in keys.TWO_STATEMENT and len(question.statements) == 2:
        question.flags = [question.answer in (0, 1, 2), question.answer in (0, 1, 3)]
        question.second_explains_first = question.answer == 0
