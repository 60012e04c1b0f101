"""articles/search/words.py: what a typed query says before any database is asked."""

import pytest

from articles.search.words import MAX_QUERY, MAX_WORDS, read, searchable


@pytest.mark.parametrize("typed, codes", [
    ("GS2", ("gs2",)), ("gs 2 polity", ("gs2",)), ("GS-II federalism", ("gs2",)), ("GS Paper 3", ("gs3",)),
    ("GS–IV ethics", ("gs4",)), ("gs i and gs iii", ("gs1", "gs3")), ("GS5", ()), ("GSTR returns", ()),
    ("gs paper - 1", ("gs1",)),
])
def test_papers_are_read_however_they_are_written(typed, codes):
    """"GS2", "GS 2", "GS-II", "GS Paper 2" (any case, any dash) all name gs2; GS5 and GSTR name no paper."""
    assert read(typed).codes == codes


def test_the_words_are_what_is_left_without_the_paper_mentions():
    """The papers named are taken out; the rest is the phrase a topic or tag may match, and its words."""
    asked = read("GS2   International  Relations GS-III")

    assert asked.rest == "International Relations"
    assert asked.words == ("International", "Relations")


def test_only_the_first_words_are_searched():
    """A long query searches its first eight words (MAX_WORDS); the phrase keeps them all."""
    assert MAX_WORDS == 8 and len(read("one two three four five six seven eight nine ten").words) == 8
    asked = read(" ".join(f"word{n}" for n in range(MAX_WORDS + 3)))

    assert asked.words == tuple(f"word{n}" for n in range(MAX_WORDS))
    assert asked.rest.endswith(f"word{MAX_WORDS + 2}")


def test_words_are_split_by_script():
    """Plain ASCII words go to the English index; Hindi and accented words are matched as written."""
    asked = read("monsoon मानसून café rains")

    assert asked.latin == ["monsoon", "rains"]
    assert asked.other_scripts == ["मानसून", "café"]
    assert read("").words == () and read("").latin == [] and read("").other_scripts == []


@pytest.mark.parametrize("typed, searched", [
    ("  quad\tsummit\n", "quad summit"), ("a\x00b\x1bc", "a b c"), (None, ""), (42, "42"),
    ("x" * (MAX_QUERY + 50), "x" * MAX_QUERY), ("जल  जीवन", "जल जीवन"), ("a" * (MAX_QUERY - 1) + " b", "a" * (MAX_QUERY - 1)),
])
def test_whatever_is_typed_is_made_searchable(typed, searched):
    """Control characters become spaces, runs of spaces one, and the query is cut to its first hundred
    characters (MAX_QUERY) with no space left at its end."""
    assert MAX_QUERY == 100 and len(searchable("y" * 150)) == 100
    assert searchable(typed) == searched
