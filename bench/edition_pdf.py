"""How long a month's PDF takes: a month of N published articles (six sections each, the length of a real
analysis), built cold, then served from the cache. Run: .venv/bin/python bench/edition_pdf.py [N]"""

import sys
import time

from scratch_site import start  # bench/ is the script's own folder, first on sys.path

start("edition-pdf")
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from tests.factories import ArticleFactory, CallUsNumberFactory, EditionFactory, SectionFactory, relevance  # noqa: E402

PARAGRAPH = ("<p><strong>Why it matters:</strong> the measure changes how the states and the Union share revenue, "
             "and every commission since the first has had to weigh need against efficiency.</p>")


def main(count):
    call_command("migrate", verbosity=0)
    CallUsNumberFactory(number="+919606900005")
    edition = EditionFactory(year=2024, month=3)
    topics = [("gs2", "Federalism"), ("gs2", "International Relations"), ("gs3", "Biodiversity"), ("gs1", "Art and Culture")]
    for number in range(count):
        article = ArticleFactory(title=f"Analysis {number + 1}: a month's story told in full", edition=edition)
        relevance(article, *topics[number % len(topics)])
        for position, heading in enumerate(["Background", "Provisions", "Significance", "Concerns",
                                            "Global practice", "Way Forward"], start=1):
            SectionFactory(article=article, position=position, heading=heading, body=PARAGRAPH * 4)
    client = Client(HTTP_HOST="127.0.0.1")
    started = time.perf_counter()
    cold = client.get("/editions/2024/03/pdf")
    built = time.perf_counter() - started
    started = time.perf_counter()
    warm = client.get("/editions/2024/03/pdf")
    cached = time.perf_counter() - started
    assert cold.status_code == warm.status_code == 200 and cold.content == warm.content
    print(f"{count} articles: built in {built:.1f} s ({len(cold.content) / 1024:.0f} KB), "
          f"then served from the cache in {cached * 1000:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
