"""The monthly edition as a book: the archive of released months, one month grouped by paper and topic with
its neighbours, and the month (or one article) as a PDF."""

import io
import re
from datetime import timedelta
from unittest import mock

import pypdf
import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, CallUsNumberFactory, EditionFactory, full_article, relevance

pytestmark = pytest.mark.django_db


def filed(title, paper_code, topic_name, edition, *, days_ago=1, **kwargs):
    """A published article of `edition` whose primary relevance is the paper and topic given."""
    article = ArticleFactory(title=title, edition=edition, published_at=timezone.now() - timedelta(days=days_ago),
                             **kwargs)
    relevance(article, paper_code, topic_name)
    return article


def pdf_text(response):
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    return [page.extract_text() for page in reader.pages]


def test_the_archive_lists_released_months_newest_first_with_counts_by_paper(client):
    """/editions/ shows each released month that has articles, newest first, with its articles per paper;
    an unreleased month and a month with only drafts are not listed."""
    february, march = EditionFactory(year=2024, month=2), EditionFactory(year=2024, month=3)
    filed("Fiscal federalism after the finance commission", "gs2", "Federalism", march)
    filed("Quad leaders meet in Tokyo", "gs2", "International Relations", march)
    filed("Bustards and power lines", "gs3", "Biodiversity", march)
    filed("Lokpal appointments", "gs2", "Governance", february)
    ArticleFactory(title="Only a draft", draft=True, edition=EditionFactory(year=2024, month=1))
    filed("Not yet out", "gs3", "Space", EditionFactory(year=2024, month=4, unreleased=True))

    page = client.get("/editions/").content.decode()

    assert page.index("March 2024") < page.index("February 2024")
    assert "3 analyses:" in page and "GS2 2 · GS3 1" in page and "1 analysis:" in page
    assert "January 2024" not in page and "April 2024" not in page
    assert 'href="/editions/2024/03/pdf"' in page


def monthly_articles(*months):
    """One published GS2 article in each (year, month) given, each month released."""
    for year, month in months:
        filed(f"Analysis of {year}-{month:02d}", "gs2", "Governance", EditionFactory(year=year, month=month))


def test_the_archive_counts_the_latest_twelve_months_and_names_every_earlier_one_by_year(client):
    """/editions/ shows the latest twelve months across the turn of the year with their articles per paper
    and PDFs, then every earlier month, newest year first, each linking to its month."""
    monthly_articles(*[(2022, month) for month in (11, 12)], *[(2023, month) for month in range(1, 13)],
                     *[(2024, month) for month in range(1, 4)])

    page = client.get("/editions/").content.decode()
    latest, earlier = page.split('id="earlier-months"')

    assert latest.index("March 2024") < latest.index("January 2024") < latest.index("December 2023")
    assert latest.count('class="edition-item"') == 12 and len(re.findall(r"1 analysis:\s+GS2 1\b", latest)) == 12
    assert "April 2023" in latest and "March 2023" not in latest and 'href="/editions/2023/04/pdf"' in latest
    assert earlier.index("<h3>2023</h3>") < earlier.index("<h3>2022</h3>")
    assert re.findall(r'<a href="/editions/(\d{4}/\d\d)/" aria-label="(\w+ \d{4})">(\w+)</a>', earlier) == [
        ("2023/03", "March 2023", "March"), ("2023/02", "February 2023", "February"),
        ("2023/01", "January 2023", "January"), ("2022/12", "December 2022", "December"),
        ("2022/11", "November 2022", "November")]


def test_a_long_archive_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    """However many months the archive holds, its page reads the latest months, their articles per paper and
    the earlier months once each (with the header's call-us numbers, paper menu and next go-live time)."""
    monthly_articles(*[(year, month) for year in (2021, 2022, 2023) for month in range(1, 13)])

    with django_assert_num_queries(6):
        page = client.get("/editions/").content.decode()

    assert page.count('class="edition-item"') == 12 and "<h3>2021</h3>" in page


def test_an_archive_of_twelve_months_or_fewer_has_no_earlier_months(client):
    """With a year or less of editions every month is listed with its counts, and no "Earlier months"."""
    monthly_articles(*[(2024, month) for month in range(1, 13)])

    page = client.get("/editions/").content.decode()

    assert page.count('class="edition-item"') == 12 and "Earlier months" not in page


def test_an_editions_cards_leave_the_paper_topic_and_month_to_its_headings(client):
    """On a month's page the headings say each article's paper, topic and month, so its cards do not repeat
    them, and card titles rank below their topic's heading; a paper's list still shows both on each card."""
    march = EditionFactory(year=2024, month=3)
    filed("Quad leaders meet in Tokyo", "gs2", "International Relations", march)
    ArticleFactory(title="Filed nowhere yet", edition=march, published_at=timezone.now() - timedelta(days=2))

    edition_page = client.get("/editions/2024/03/").content.decode()
    paper_page = client.get("/papers/gs2/").content.decode()

    assert 'class="card__meta"' not in edition_page and 'class="badge"' not in edition_page
    assert "{#" not in edition_page and "{%" not in edition_page
    assert '<h3>International Relations</h3>' in edition_page
    assert re.search(r'<h4 class="card__title"><a href="[^"]+">Quad leaders meet in Tokyo</a></h4>', edition_page)
    assert re.search(r'<h3 class="card__title"><a href="[^"]+">Filed nowhere yet</a></h3>', edition_page)
    assert '<span class="badge">GS2 - International Relations</span>' in paper_page
    assert "<span>March 2024</span>" in paper_page


def test_the_archive_says_so_when_no_month_is_released_yet(client):
    """Before the first release the archive explains itself and links to the latest analyses."""
    page = client.get("/editions/").content.decode()

    assert "The first monthly edition is being prepared." in page


def test_an_edition_groups_its_articles_by_paper_and_topic_with_contents_and_neighbours(client):
    """The month page has a table of contents, a chapter per paper in syllabus order with its topics, and
    links to the previous and next released months."""
    january, march, may = (EditionFactory(year=2024, month=m) for m in (1, 3, 5))
    EditionFactory(year=2024, month=4, unreleased=True)
    march_articles = [
        filed("Bustards and power lines", "gs3", "Biodiversity", march),
        filed("Quad leaders meet in Tokyo", "gs2", "International Relations", march),
        filed("Fiscal federalism after the finance commission", "gs2", "Federalism", march),
    ]
    filed("January piece", "gs1", "Art and Culture", january)
    filed("May piece", "gs2", "Governance", may)

    page = client.get("/editions/2024/03/").content.decode()

    assert '<a href="#gs2">GS2 · ' in page and '<a href="#gs2-international-relations">International Relations</a>' in page
    assert page.index('id="gs2-heading"') < page.index('id="gs3-heading"')
    assert page.index(">Federalism</h3>") < page.index("Fiscal federalism after") < page.index(">International Relations</h3>")
    assert page.index(">International Relations</h3>") < page.index("Quad leaders meet") < page.index('id="gs3-heading"')
    assert all(article.get_absolute_url() in page for article in march_articles)
    assert '<a rel="prev" href="/editions/2024/01/">← January 2024</a>' in page
    assert '<a rel="next" href="/editions/2024/05/">May 2024 →</a>' in page
    assert "3 analyses for this month" in page


def test_a_month_is_one_page_however_many_articles(client):
    """An edition is read as a whole: thirty articles are all on its page, with no second page."""
    march = EditionFactory(year=2024, month=3)
    for number in range(30):
        filed(f"Analysis number {number:02d}", "gs2", "Governance", march)

    page = client.get("/editions/2024/03/").content.decode()

    assert page.count('class="card"') == 30 and "Page 1 of" not in page


def test_an_unreleased_or_empty_edition_and_its_pdf_are_not_found(client):
    """Before its release a month's page and PDF answer 404, as does a released month without articles."""
    filed("Not yet out", "gs3", "Space", EditionFactory(year=2024, month=4, unreleased=True))
    EditionFactory(year=2024, month=5)

    for url in ("/editions/2024/04/", "/editions/2024/04/pdf", "/editions/2024/05/", "/editions/2024/05/pdf",
                "/editions/2024/13/pdf"):
        assert client.get(url).status_code == 404, url


def test_the_month_pdf_has_a_cover_contents_every_article_in_order_and_the_call_us_number(client):
    """The PDF opens with the institute and month, lists every article with its page, prints each article
    from its own page in the contents' order, and carries the call-us number in its footer."""
    CallUsNumberFactory(number="+919606900005")
    march = EditionFactory(year=2024, month=3)
    titles_in_order = ["Fiscal federalism after the finance commission", "Quad leaders meet in Tokyo",
                       "Bustards and power lines"]
    filed(titles_in_order[2], "gs3", "Biodiversity", march)
    filed(titles_in_order[1], "gs2", "International Relations", march)
    filed(titles_in_order[0], "gs2", "Federalism", march)
    for article in Article.objects.all():
        article.sections.create(position=1, heading="Way Forward", body="<p>Keep the momentum going.</p>")
    ArticleFactory(title="A draft of the same month", draft=True, edition=march)

    response = client.get("/editions/2024/03/pdf")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="2024-03-current-affairs.pdf"' in response["Content-Disposition"]
    pages = pdf_text(response)
    assert "March 2024" in pages[0] and "Pragati IAS Academy".lower() in pages[0].lower()
    contents = pages[1]
    assert [contents.index(title) for title in titles_in_order] == sorted(contents.index(t) for t in titles_in_order)
    article_pages = pages[2:]
    assert len(article_pages) == 3
    for title, page in zip(titles_in_order, article_pages, strict=True):
        assert title in page and "Dimensions of the article" in page
    assert all("9606900005" in page for page in pages)
    assert "A draft of the same month" not in "".join(pages)


def test_the_month_pdf_is_built_once_and_rebuilt_after_an_article_changes(client):
    """A second download comes from the cache; after an article is edited the PDF is rebuilt with the edit."""
    march = EditionFactory(year=2024, month=3)
    article = filed("Quad leaders meet in Tokyo", "gs2", "International Relations", march)
    from weasyprint import HTML

    with mock.patch.object(HTML, "write_pdf", autospec=True, side_effect=HTML.write_pdf) as build:
        first = client.get("/editions/2024/03/pdf")
        again = client.get("/editions/2024/03/pdf")
        assert build.call_count == 1 and first.content == again.content

        article.title = "Quad leaders agree on a maritime initiative"
        article.save()
        edited = client.get("/editions/2024/03/pdf")

    assert build.call_count == 2
    assert "Quad leaders agree on a maritime initiative" in "".join(pdf_text(edited))


def test_an_article_downloads_as_pdf_and_a_draft_does_not(client):
    """/articles/<slug>/pdf prints the article with its Dimensions and sections; a draft's answers 404."""
    article = full_article(title="Monsoon outlook for the kharif season", slug="monsoon-outlook", sections=2)
    ArticleFactory(slug="secret-draft", draft=True)

    response = client.get("/articles/monsoon-outlook/pdf")

    text = "".join(pdf_text(response))
    assert response.status_code == 200 and article.title in text
    assert "Dimensions of the article" in text and "Aspect 2 of the story" in text
    assert client.get("/articles/secret-draft/pdf").status_code == 404


def test_build_pdfs_prepares_each_released_month_so_no_student_waits(client):
    """The timer's command builds every released month's PDF; the students' download then comes from the cache."""
    march = EditionFactory(year=2024, month=3)
    filed("Quad leaders meet in Tokyo", "gs2", "International Relations", march)
    filed("Not yet out", "gs3", "Space", EditionFactory(year=2024, month=4, unreleased=True))
    from django.core.management import call_command
    from weasyprint import HTML

    output = io.StringIO()
    with mock.patch.object(HTML, "write_pdf", autospec=True, side_effect=HTML.write_pdf) as build:
        call_command("build_pdfs", stdout=output)
        downloaded = client.get("/editions/2024/03/pdf")

    assert build.call_count == 1 and downloaded.status_code == 200
    assert "March 2024: " in output.getvalue() and "April 2024" not in output.getvalue()


def embedded_fonts(response):
    """The base names of the fonts a PDF embeds (with their font file), over all its pages."""
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            if "/FontFile2" in descriptor:
                names.add(font["/BaseFont"].split("+", 1)[1])
    return names


def test_the_hindi_month_pdf_is_in_hindi_set_in_noto_sans_devanagari(client):
    """/hi/editions/<yyyy>/<mm>/pdf prints the Hindi articles of the month (not the English ones) with a
    Hindi cover, Noto Sans Devanagari embedded; the English PDF of the month stays English."""
    from tests.factories import hindi_twin

    march = EditionFactory(year=2024, month=3)
    english = filed("Quad leaders meet in Tokyo", "gs2", "International Relations", march)
    hindi_twin(english, title="टोक्यो में क्वाड नेताओं की बैठक")

    hindi_pdf = client.get("/hi/editions/2024/03/pdf")
    english_pdf = client.get("/editions/2024/03/pdf")

    pages = pdf_text(hindi_pdf)
    assert hindi_pdf.status_code == 200 and len(pages) == 3  # cover, contents, the one Hindi article
    assert "मार्च 2024" in pages[0] and "Quad leaders meet in Tokyo" not in "".join(pages)
    assert {"Noto-Sans-Devanagari", "Noto-Sans-Devanagari-Bold"} <= embedded_fonts(hindi_pdf)
    assert "March 2024" in pdf_text(english_pdf)[0] and "Quad leaders meet in Tokyo" in "".join(pdf_text(english_pdf))
