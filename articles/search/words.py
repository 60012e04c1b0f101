"""What a typed query says, before any database is asked: its text made safe to search, the GS papers it
names however they are written ("GS2", "GS 2", "GS-II", "GS Paper 2"), and its words, split by script.

Pure: text in, a Query out. Words in Latin script go to the stemmed English index; words in other scripts
(Hindi, accented Latin), which English stemming does not know, are matched as written."""

from dataclasses import dataclass

from ..importing.recognition import PAPER_MENTION, paper_code

MAX_QUERY = 100
MAX_WORDS = 8


def searchable(value):
    """The query as it is searched: control characters become spaces, runs of spaces one, and it is cut to
    its first MAX_QUERY characters, so that nothing typed is refused and none of it can make the database
    work hard."""
    text = "".join(character if character.isprintable() else " " for character in str(value or ""))
    return " ".join(text.split())[:MAX_QUERY].strip()


@dataclass(frozen=True)  # pragma: no mutate (nothing ever changes a Query)
class Query:
    codes: tuple  # the papers named ("gs2"), in the order written
    rest: str     # the query without its paper mentions: a topic, tag or paper name may be this phrase
    words: tuple  # the first MAX_WORDS words of the rest

    @property
    def latin(self):
        return [word for word in self.words if word.isascii()]

    @property
    def other_scripts(self):
        return [word for word in self.words if not word.isascii()]


def read(query):
    """The papers a query names and the words it searches for."""
    rest = " ".join(PAPER_MENTION.sub(" ", query).split())
    return Query(codes=tuple(paper_code(mention) for mention in PAPER_MENTION.finditer(query)), rest=rest,
                 words=tuple(rest.split()[:MAX_WORDS]))
