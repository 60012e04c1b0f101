"""One form for the spellings of a Hindi word that readers treat as the same word, so that a search finds
either: क़ानून and कानून (with and without the nukta), हिंदी and हिन्दी (the anusvara or a half nasal
letter), माँ and मां (chandrabindu or anusvara), with or without invisible joiners, composed or not.

Pure: text in, text out. The search index stores words in this form and queries are asked in it; pages show
the text as it was written."""

import re
import unicodedata

NUKTA, CHANDRABINDU, ANUSVARA, VIRAMA = "\u093c", "\u0901", "\u0902", "\u094d"
# Zero-width space, non-joiner and joiner, word joiner, byte-order mark, soft hyphen: they change how a word
# is drawn, never which word it is.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
# ङ ञ ण न म with a virama before a consonant are written as an anusvara just as often: हिन्दी, हिंदी.
HALF_NASAL = re.compile(f"[\u0919\u091e\u0923\u0928\u092e]{VIRAMA}(?=[\u0915-\u0939])")


def fold(text):
    """`text` with every such variant written one way (and in NFC, so a composed and a decomposed letter
    are one)."""
    # NFC leaves the nukta letters (क़ ख़ ग़ …) decomposed into letter + nukta: Unicode excludes them from
    # composition, so removing the nukta sign folds both ways of typing them.
    text = unicodedata.normalize("NFC", text.translate(INVISIBLE)).replace(NUKTA, "").replace(CHANDRABINDU, ANUSVARA)
    return HALF_NASAL.sub(ANUSVARA, text)
