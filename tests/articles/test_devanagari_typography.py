"""The Hindi pages' face: a self-hosted Noto Sans Devanagari subset (WOFF2, font-display: swap, only for
Devanagari characters) that Hindi pages ask for and English pages never do."""

from pathlib import Path

import pytest
from django.conf import settings
from fontTools.ttLib import TTFont

from tests.factories import full_article, hindi_twin

pytestmark = pytest.mark.django_db
STATIC = Path(settings.BASE_DIR) / "static"
FONT_CSS = "css/devanagari.css"


def test_a_hindi_page_asks_for_the_devanagari_face_and_its_english_twin_does_not(client):
    """The Hindi article links devanagari.css; the English one, though it offers "हिंदी में पढ़ें", does not."""
    english = full_article(slug="monsoon-pair")
    hindi_twin(english)

    hindi_page = client.get("/hi/articles/monsoon-pair/").content.decode()
    english_page = client.get("/articles/monsoon-pair/").content.decode()

    assert FONT_CSS in hindi_page and "हिंदी में पढ़ें" in english_page and FONT_CSS not in english_page


@pytest.mark.parametrize("address", ["/hi/", "/hi/editions/", "/hi/search/?q=मानसून", "/hi/enquiry/", "/hi/nowhere/"])
def test_every_hindi_page_asks_for_it(client, address):
    """Lists, search, the form and the 404 page under /hi/ link the face too."""
    assert FONT_CSS in client.get(address).content.decode()


def test_the_face_is_woff2_swapped_and_limited_to_devanagari():
    """Each @font-face is a WOFF2 file of this site, shown with swap, for the Devanagari block only, and
    tried first from the phone's own fonts."""
    css = (STATIC / FONT_CSS).read_text()
    faces = css.split("@font-face")[1:]

    assert len(faces) == 2
    for face in faces:
        assert 'format("woff2")' in face and "font-display: swap;" in face and 'local("' in face
        assert "unicode-range: U+0900-097F, U+200C-200D, U+20B9, U+25CC;" in face


@pytest.mark.parametrize("weight", ["regular", "bold"])
def test_the_subset_keeps_every_devanagari_letter_and_the_shaping_that_joins_them(weight):
    """The subset maps the whole block Noto maps (letters, matras, nukta, virama) and keeps the Indic
    features that form conjuncts and place matras; it is small enough for a phone (under 45 kB)."""
    path = STATIC / "fonts" / f"noto-sans-devanagari-{weight}.woff2"
    font = TTFont(path)
    original = TTFont(f"/usr/share/fonts/truetype/noto/NotoSansDevanagari-{weight.title()}.ttf")

    block = {code for code in original.getBestCmap() if 0x0900 <= code <= 0x097F}
    assert block <= set(font.getBestCmap()) and {0x0915, 0x094D, 0x093F, 0x093C} <= block
    features = {record.FeatureTag for record in font["GSUB"].table.FeatureList.FeatureRecord}
    assert {"akhn", "half", "rphf", "blwf", "pres", "abvs", "blws", "nukt"} <= features
    assert path.stat().st_size < 45_000
