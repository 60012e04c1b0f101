"""Public reading pages. Every list goes through Article.objects.published_here(); only the detail page
widens it, for staff previewing a draft."""

import functools

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers

from . import editions, pdf, reading, readership
from .models import Article, Edition, Paper, Relevance, Tag, TaggedArticle, Topic, reading_language
from common.paging import ArchivePage
from .search.query import MANY, SearchForm, find, snippet
from .sitemaps import SITEMAPS

ARTICLES_PER_PAGE = 12
HOME_LATEST = 8


def ranked_page(request, ranked):
    """One page of ranked search results, and whether there were more than search.MANY of them: their ids
    read once in rank order, then the page's articles by id (one pass over the matches, where counting them
    and then reading a page took two). Ranked results are at most MANY, but for words in other scripts,
    which are never counted, and for many matches that are few among the newest articles searched
    (search._found_soon): those show their best MANY."""
    ids = list(ranked.values_list("pk", flat=True)[:MANY + 1])
    page = Paginator(ids[:MANY], ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    articles = Article.objects.filter(pk__in=page.object_list).for_listing().prefetch_related("sections").in_bulk()
    page.object_list = [articles[pk] for pk in page.object_list]
    return page, len(ids) > MANY


def archive_page(request, queryset):
    return ArchivePage.of(request, queryset, ARTICLES_PER_PAGE)


def when_rendered(compute):
    """A value the template asks for only while rendering the part that shows it (which usually comes from
    the shared fragment cache, see coaching/templatetags/shared_fragments.py), computed at most once."""
    return functools.cache(compute)


def listed(members, article_field):
    """The published articles of one list (a paper's, a topic's or a tag's rows in `members`), newest first."""
    return Article.objects.published_here().in_list(members, article_field).for_listing()


def home(request):
    return render(request, "articles/home.html", {
        "latest": when_rendered(lambda: list(Article.objects.published_here().for_listing()[:HOME_LATEST])),
        "current_edition": when_rendered(lambda: Edition.objects.released().first()),
    })


def _article_for(request, slug):
    """The article at this slug as this person may see it, or None. Its parts (and its edition) load with
    with_parts(), where a page prints them: most renders take them from a shared fragment."""
    try:
        return (Article.objects.visible_to(request.user).in_reading_language()
                .select_related("english_original", "hindi_twin").get(slug=slug))
    except Article.DoesNotExist:
        return None


def article_detail(request, slug):
    article = _article_for(request, slug)
    if article is None:
        moved = (Article.objects.published_here().filter(slug_redirects__old_slug=slug,
                                                         slug_redirects__language=reading_language())
                 .only("slug", "language").first())
        if moved is None:
            raise Http404("No article at this address.")
        return HttpResponsePermanentRedirect(moved.get_absolute_url())
    return readership.mark(_mark_preview(render(request, "articles/article_detail.html", {
        "article": article,
        "related": when_rendered(lambda: reading.related(article.with_parts())),
        "neighbours": when_rendered(lambda: reading.month_neighbours(article)),
        "structured_data": when_rendered(lambda: reading.news_article(article.with_parts())),
        "share_image": reading.share_image(),
        "language_versions": reading.language_versions(article),
    }), article), article)



def _mark_preview(response, article):
    """A staff preview of an article that is not live must never be cached or indexed."""
    if not article.is_published:
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def article_text(request, slug):
    """The article as plain text in the institute's format, to copy into notes (and to import again)."""
    article = _article_for(request, slug)
    if article is None:
        raise Http404("No article at this address.")
    response = render(request, "articles/article_detail.txt", {"article": article.with_parts()},
                      content_type="text/plain; charset=utf-8")
    return _mark_preview(response, article)


def search(request):
    form = SearchForm(request.GET)
    # Every released month is an option (hundreds, in a long archive): read and written once per change,
    # in a shared fragment keyed by the month chosen.
    months = when_rendered(lambda: Edition.objects.released().month_choices())
    context = {"form": form, "query": "", "months": months, "chosen_month": request.GET.get("month"), "page": None}
    if not form.is_valid():  # only a paper or month that is not in the lists; the words never are
        return render(request, "articles/search.html", context, status=400)
    query = form.cleaned_data["q"]
    if query:
        found = find(query, paper=form.cleaned_data["paper"], month=form.cleaned_data["month"],
                     page_size=ARTICLES_PER_PAGE)
        if found.ranked:
            page, more_than_many = ranked_page(request, found.articles)
            found = found._replace(more_than=MANY if more_than_many else None)
        else:
            page = archive_page(request, found.articles.for_listing().prefetch_related("sections"))
        for article in page.object_list:
            article.snippet = snippet(article, query)
        context.update(query=query, page=page, found=found)
    return render(request, "articles/search.html", context)


def paper_detail(request, code):
    paper = get_object_or_404(Paper, code=code)
    page = when_rendered(lambda: archive_page(request, listed(Relevance.objects.filter(paper=paper), "article")))
    return render(
        request,
        "articles/paper_detail.html",
        {"paper": paper, "topics": paper.topics.all(), "page": page, "active_paper_code": code},
    )


def topic_detail(request, code, topic_slug):
    topic = get_object_or_404(Topic.objects.select_related("paper"), paper__code=code, slug=topic_slug)
    page = when_rendered(lambda: archive_page(request, listed(Relevance.objects.filter(topic=topic), "article")))
    return render(request, "articles/topic_detail.html", {"topic": topic, "page": page, "active_paper_code": code})


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page = archive_page(request, listed(TaggedArticle.objects.filter(tag=tag), "content_object"))
    if not page.object_list:
        raise Http404("No published article has this tag.")
    return render(request, "articles/tag_detail.html", {"tag": tag, "page": page})


def editions_index(request):
    return render(request, "articles/editions.html", {"archive": when_rendered(editions.archive)})


def _released_edition(year, month):
    return get_object_or_404(Edition.objects.released(), year=int(year), month=int(month))


def edition_detail(request, year, month):
    edition = _released_edition(year, month)
    chapter_list = editions.contents(edition)
    if not chapter_list:
        raise Http404("This edition has no published articles yet.")
    previous, following = editions.neighbours(edition)
    return render(request, "articles/edition_detail.html", {
        "edition": edition, "chapters": chapter_list, "previous": previous, "following": following,
        "article_count": sum(chapter.article_count for chapter in chapter_list)})


def edition_pdf(request, year, month):
    edition = _released_edition(year, month)
    if not Article.objects.published_here().filter(edition=edition).exists():
        raise Http404("This edition has no published articles yet.")
    return _pdf_response(pdf.edition_pdf(request, edition), f"{edition.year}-{edition.month:02d}-current-affairs")


def article_pdf(request, slug):
    article = _article_for(request, slug)
    if article is None:
        raise Http404("No article at this address.")
    return _mark_preview(_pdf_response(pdf.article_pdf(request, article.with_parts()), article.slug), article)


def _pdf_response(content, name):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


def _only_unprefixed():
    if reading_language() != settings.LANGUAGE_CODE:
        raise Http404("The sitemap is at /sitemap.xml.")


def sitemap(request):
    """/sitemap.xml: every public address in one file while each kind fits in one; a larger site gets an index
    of numbered files (sitemap_file), as search engines expect of a big one. The Hindi pages are in it (as
    alternates of their English twins, or on their own), so /hi/sitemap.xml is not an address."""
    _only_unprefixed()
    sitemaps = {name: kind() for name, kind in SITEMAPS.items()}
    if all(kind.paginator.num_pages <= 1 for kind in sitemaps.values()):
        return sitemap_views.sitemap(request, sitemaps)
    return sitemap_views.index(request, sitemaps, sitemap_url_name="articles:sitemap_file")


def sitemap_file(request, section):
    """One file of the index: a kind of page ("articles"), its ?p= numbered parts."""
    _only_unprefixed()
    return sitemap_views.sitemap(request, SITEMAPS, section=section)
