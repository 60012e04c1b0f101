"""What a Hindi article weighs against its English twin, as a phone downloads it: the page gzipped (as nginx
sends it), the stylesheets and scripts it links gzipped, and the Devanagari face when the phone must fetch
it. Each demo pair is measured twice for Hindi: on a phone that has Noto Sans Devanagari (Android: the
face's local() source, nothing fetched; and any phone after its first Hindi page, the face being cached for a
year) and on the first Hindi page of one that has not (both weights fetched, the worst case). The floor
beside them is the least any self-hosted face could add: one weight, cut to the very characters of that page.
Run: .venv/bin/python bench/page_weight.py"""

import gzip
import io
import logging
import re
from pathlib import Path

from scratch_site import start  # bench/ is the script's own folder, first on sys.path

start("page-weight")
logging.getLogger("fontTools").setLevel(logging.WARNING)  # its subsetter narrates every table it prunes
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from articles.models import Article  # noqa: E402

GOAL = 1.5
NOTO_REGULAR = "/usr/share/fonts/truetype/noto/NotoSansDevanagari-Regular.ttf"
FACES = ["fonts/noto-sans-devanagari-regular.woff2", "fonts/noto-sans-devanagari-bold.woff2"]


def gzipped(data):
    return len(gzip.compress(data, compresslevel=6))


def static_bytes(name):
    data = Path(finders.find(name)).read_bytes()
    return len(data) if name.endswith(".woff2") else gzipped(data)


def face_floor(page):
    """The least any Devanagari face could weigh for this page: Noto Sans Devanagari Regular alone (bold
    synthesised), subset to exactly the characters the page holds (and the conjuncts they form), as WOFF2."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    text = "".join(sorted(set(re.findall(r"[\u0900-\u097f]", page.decode()))))
    font = TTFont(NOTO_REGULAR)
    options = subset.Options(hinting=False, desubroutinize=True, flavor="woff2")
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff2"
    font.save(buffer)
    return len(buffer.getvalue())


def weight(client, address, *, fetches_face):
    page = client.get(address).content
    linked = re.findall(rb'(?:href|src)="/static/([^"]+\.(?:css|js))"', page)
    total = gzipped(page) + sum(static_bytes(name.decode()) for name in linked)
    if fetches_face and any(name.endswith(b"devanagari.css") for name in linked):
        total += sum(static_bytes(face) for face in FACES)
    return total


def main():
    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'pair':44} {'English':>8} {'Hindi, face on phone':>21} {'Hindi, face fetched':>20} "
          f"{'floor: page-only face':>22}")
    worst = []
    for hindi in Article.objects.published().filter(language=Article.Language.HINDI).select_related("english_original"):
        english = weight(client, hindi.english_original.get_absolute_url(), fetches_face=False)
        hindi_address = f"/hi/articles/{hindi.slug}/"
        local = weight(client, hindi_address, fetches_face=False)
        fetched = weight(client, hindi_address, fetches_face=True)
        floor = local + face_floor(client.get(hindi_address).content)
        worst.append(fetched / english)
        print(f"{hindi.slug[:44]:44} {english:>8} {local:>11} ({local / english:.2f}×) {fetched:>10} "
              f"({fetched / english:.2f}×) {floor:>12} ({floor / english:.2f}×)")
    print(f"goal: Hindi within {GOAL}× of English; worst pair with the face fetched: {max(worst):.2f}×")


if __name__ == "__main__":
    main()
