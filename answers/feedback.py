"""An answer as its review page shows it: the student's words in order, the passages a comment points at
marked and numbered like the comments beside them."""

from dataclasses import dataclass


@dataclass
class Passage:
    text: str
    number: int | None = None  # the comment's number, for a marked passage


def passages(text, comments):
    """`text` cut at the commented passages ([(start, end)] of `comments`, which are numbered 1, 2, … in
    the order of their start); a passage overlapping an earlier one is not marked again, its comment still
    listed with its words."""
    cut, at = [], 0
    for number, comment in enumerate(comments, start=1):
        if comment.start is None or comment.start < at or comment.end > len(text):
            continue
        if comment.start > at:
            cut.append(Passage(text[at:comment.start]))
        cut.append(Passage(text[comment.start:comment.end], number))
        at = comment.end
    if at < len(text):
        cut.append(Passage(text[at:]))
    return cut
