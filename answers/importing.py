"""Mains questions from an imported article's "Mains Question:" lines: marks and word limit read from how
writers note them ("(250 words)", "(10 M)", "15 marks", "(10 अंक)"), the directive word from the question
itself, each saved as a draft for an editor to complete with guidance and approve."""

import re

from .models import MainsQuestion

MARKS = re.compile(r"[(\[]?\s*\b(10|15)\s*(?:marks?|m|अंक)(?![a-z])\s*[)\]]?", re.IGNORECASE)
WORDS = re.compile(r"[(\[]?\s*\b(150|250)\s*(?:words?|शब्द)(?![a-z])\s*[)\]]?", re.IGNORECASE)
# The directive words as questions use them, the longer first ("critically examine" before "examine"),
# with the Hindi verbs of Hindi questions.
DIRECTIVE_WORDS = [
    ("critically examine", "critically-examine"), ("critically analyse", "critically-analyse"),
    ("critically analyze", "critically-analyse"), ("critically evaluate", "critically-evaluate"),
    ("to what extent", "to-what-extent"), ("discuss", "discuss"), ("examine", "examine"), ("analyse", "analyse"),
    ("analyze", "analyse"), ("evaluate", "evaluate"), ("comment", "comment"), ("elaborate", "elaborate"),
    ("elucidate", "elucidate"), ("explain", "explain"), ("describe", "describe"), ("illustrate", "illustrate"),
    ("justify", "justify"), ("highlight", "highlight"), ("enumerate", "enumerate"),
    ("आलोचनात्मक परीक्षण", "critically-examine"), ("आलोचनात्मक विश्लेषण", "critically-analyse"),
    ("आलोचनात्मक मूल्यांकन", "critically-evaluate"), ("किस सीमा तक", "to-what-extent"), ("चर्चा", "discuss"),
    ("परीक्षण", "examine"), ("विश्लेषण", "analyse"), ("मूल्यांकन", "evaluate"), ("टिप्पणी", "comment"),
    ("विस्तार", "elaborate"), ("स्पष्ट", "explain"), ("वर्णन", "describe"), ("औचित्य", "justify"),
]
WORDS_FOR_MARKS = {10: 150, 15: 250}
MARKS_FOR_WORDS = {words: marks for marks, words in WORDS_FOR_MARKS.items()}


def read_question(line):
    """(text, marks, word limit, directive) of one written Mains question."""
    marks_found, words_found = MARKS.search(line), WORDS.search(line)
    marks = int(marks_found.group(1)) if marks_found else None
    words = int(words_found.group(1)) if words_found else None
    marks = marks or MARKS_FOR_WORDS.get(words, 10)
    words = words or WORDS_FOR_MARKS[marks]
    text = WORDS.sub("", MARKS.sub("", line))
    text = re.sub(r"\s*[(\[]\s*[,;/]?\s*[)\]]", "", text)  # what is left of "(10 marks, 150 words)"
    text = " ".join(text.split()).strip(" ,;")
    lowered = text.lower()
    directive = next((slug for word, slug in DIRECTIVE_WORDS if word in lowered), "discuss")
    return text, marks, words, directive


def questions_from_import(sender, article, parsed, **kwargs):
    """A draft Mains question for each of the imported article's "Mains Question:" lines."""
    for position, line in enumerate(parsed.mains_questions):
        text, marks, words, directive = read_question(line)
        if text:
            MainsQuestion.objects.create(article=article, text=text, marks=marks, word_limit=words,
                                         directive=directive, position=position)
