"""One line of text as the site stores it (a title, a tag, a person's name), whatever was pasted.

Copy-paste from Word, WhatsApp or a web page brings characters nobody sees: zero-width spaces, byte-order
marks, soft hyphens, direction controls (which can also make a name read backwards). They make two equal
titles differ, a tag exist twice, a search miss. The joiners ZWJ and ZWNJ are the exception after a
virama, where Devanagari uses them to choose a half form (क्‍ष) or a visible virama; anywhere else they
draw nothing and go too. Letters are composed (NFC), so a letter typed as two code points is one."""

import re
import unicodedata

VIRAMA = "\u094d"
# Zero-width space, word joiner, byte-order mark, soft hyphen, and the direction marks and controls.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                                   "\u2066\u2067\u2068\u2069"))
STRAY_JOINER = re.compile(f"(?<!{VIRAMA})[\u200c\u200d]")


def tidy_line(text):
    """`text` composed, without invisible characters, its runs of whitespace made single spaces."""
    text = unicodedata.normalize("NFC", (text or "").translate(INVISIBLE))
    return " ".join(STRAY_JOINER.sub("", text).split())
