"""One line of pasted text as stored: composed, without the characters nobody sees, single-spaced; the
joiners Devanagari needs after a virama kept."""

import pytest

from common.text import tidy_line


@pytest.mark.parametrize("typed, stored", [
    ("\u200bभारत\u200e  और\ufeff जापान\u00ad ", "भारत और जापान"),
    ("Ali\u202eevil", "Alievil"),
    ("क\u093c\u093eनून", "क़ानून"),  # a letter and its nukta, composed as far as Unicode composes them
    ("क्\u200dष", "क्\u200dष"),  # a half form asked for after the virama stays
    ("हिं\u200dदी", "हिंदी"),  # a joiner anywhere else draws nothing
    ("\u00a0 Monsoon\t\n2024 ", "Monsoon 2024"),
    (None, ""),
])
def test_pasted_lines_are_stored_tidy(typed, stored):
    """Each pasted form is stored as the line a reader sees."""
    assert tidy_line(typed) == stored
