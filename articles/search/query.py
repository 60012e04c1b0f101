"""Search as students type it: words of an article, a paper written any way ("GS2", "GS 2", "GS-II"), a
topic, tag or paper name, in any script, narrowed by paper and month, with a highlighted snippet.

Whatever is typed is searched (words.py reads it: no query is refused and none can make the database work
hard); this module decides what it finds.
"""

import html
import re
from typing import NamedTuple

from django import forms
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.utils.safestring import mark_safe

from . import index as search_index
from .devanagari import fold
from .words import MAX_QUERY, read, searchable
from ..models import Article, Edition, Paper, Relevance, Tag, TaggedArticle, Topic
from ..sanitize import plain_text

SNIPPET_WORDS = 30
MIN_NAME_LENGTH = 3  # a topic, tag or paper name is matched by a phrase at least this long
# More matches than this are listed newest first, page by page, uncounted (see find())...
MANY = 2000
# ...when at least a page's worth of them is among the newest NEWEST_LOOKED_AT articles searched.
NEWEST_LOOKED_AT = 240


class SearchWords(forms.Field):
    """The query as words: never refused, whatever was typed."""

    def to_python(self, value):
        return searchable(value)


class SearchForm(forms.Form):
    q = SearchWords(required=False, label="Search words")
    paper = forms.ModelChoiceField(Paper.objects.all(), to_field_name="code", required=False, empty_label="All papers",
                                   error_messages={"invalid_choice": "Choose a paper from the list."})
    month = forms.RegexField(r"^\d{4}-(0[1-9]|1[0-2])$", required=False,
                             error_messages={"invalid": "Choose a month from the list (e.g. 2024-03)."})

    MAX_LENGTH = MAX_QUERY

    def clean_month(self):
        month = self.cleaned_data["month"]
        return tuple(int(part) for part in month.split("-")) if month else None


class Found(NamedTuple):
    """What a search found, and how to page it."""

    articles: QuerySet
    ranked: bool  # title matches first and counted; otherwise newest first, uncounted
    more_than: int | None = None  # the words are in more articles than this


def find(query, *, page_size, paper=None, month=None):
    """Published articles matching the query, narrowed to a paper and a (year, month), shown page_size at a
    time. Up to MANY are ranked best first (title matches, then the newest) and counted; more are listed
    newest first, uncounted, so that a word in nearly every article ("significance") costs a page's worth of
    work, not the archive's. A paper written alone ("GS2") lists that paper, newest first."""
    asked = read(query)
    codes, rest, words = list(asked.codes), asked.rest, list(asked.words)
    # No narrowing is a join: no DISTINCT over whole rows, and a walk down the newest articles (when the
    # words are many) can stop at a page's worth.
    articles = Article.objects.published()
    if paper is not None:
        articles = articles.in_list(Relevance.objects.filter(paper=paper), "article")
    if month is not None:  # through the month's edition, so that its articles come from their own index
        articles = articles.filter(edition__in=Edition.objects.filter(year=month[0], month=month[1]))
    if codes:
        articles = articles.filter(Exists(Relevance.objects.filter(article=OuterRef("pk"), paper__code__in=codes)))
    if not words:
        return Found(articles.order_by("-published_at", "-pk") if codes else Article.objects.none(), ranked=not codes)
    searched_papers = set(codes) | ({paper.code} if paper is not None else set())
    names = _names_like(rest, searched_papers) if len(rest) >= MIN_NAME_LENGTH else None
    named = _filed_under(names) if names else None
    if _many(asked, named):
        # Tested article by article on the walk, the cheap filing lookups before the full-text index.
        holding = search_index.holds(words)
        walk = articles.filter(_filed_under_each(names) | Q(holding) if names else holding)
        if _found_soon(walk, articles, page_size):
            return Found(walk.order_by("-published_at", "-pk"), ranked=False, more_than=MANY)
    matching = Q(pk__in=_by_words(asked))
    if named is not None:
        matching |= Q(pk__in=named)
    title_first = Case(When(title__icontains=words[0], then=Value(0)), default=Value(1), output_field=IntegerField())
    return Found(articles.filter(matching).annotate(title_first=title_first).order_by(
        "title_first", "-published_at", "-pk"), ranked=True)


def _many(asked, named):
    """Whether more than MANY articles hold the words or are filed under the names, counting at most
    MANY + 1 rows of the full-text index and of the filing tables. Words in other scripts are matched as
    written (see _by_words) and never counted as many."""
    if asked.other_scripts:
        return False
    found = search_index.count_up_to(asked.words, MANY)
    if named is not None and found <= MANY:
        found += named[:MANY + 1].count()
    return found > MANY


def _found_soon(walk, searched, page_size):
    """Whether the walk down the newest articles finds a page soon: a page's worth of its matches is among
    the newest NEWEST_LOOKED_AT articles searched, or there are no more to walk. Matches many across the
    archive can be few among the articles searched ("GS2 history": the word names GS1, whose articles are
    seldom in GS2 too), and the walk would then cross the whole archive for a page; those are ranked like a
    handful of matches."""
    newest = searched.order_by("-published_at", "-pk")
    if walk.filter(pk__in=newest.values("pk")[:NEWEST_LOOKED_AT]).order_by()[:page_size].count() == page_size:
        return True
    return not newest[NEWEST_LOOKED_AT:].exists()


def _by_words(asked):
    """The ids of articles holding every word in their title, context or a section. Words in Latin script go
    to the full-text index (search/index.py: stemmed English); words in other scripts are matched as written
    (through the index's own part for them)."""
    latin, others = asked.latin, asked.other_scripts
    if not others:
        return search_index.matching(latin)
    articles = Article.objects.filter(pk__in=search_index.matching(latin)) if latin else Article.objects.all()
    for word in others:
        articles = articles.filter(pk__in=search_index.written_as(word))
    return articles.values("pk")


def _names_like(phrase, papers):
    """{"topic": [ids], "tag": [ids], "paper": [ids]} of the topics, tags and papers whose name contains the
    phrase ("International Relations"), or None when no name does: one query over the small tables, so that
    the articles are then found through the indexes of the few that match (most searches match none).

    Within a search of some papers (codes), only their own topics and titles count: in "GS2 history" the
    word is asked of GS2, not a pointer to GS1, whose title holds it."""
    topics, titles = Topic.objects.filter(name__icontains=phrase), Paper.objects.filter(
        Q(title__icontains=phrase) | Q(short_name__iexact=phrase))
    if papers:
        topics, titles = topics.filter(paper__code__in=papers), titles.filter(code__in=papers)
    names = (topics.order_by().values_list(Value("topic"), "pk")
             .union(Tag.objects.filter(name__icontains=phrase).order_by().values_list(Value("tag"), "pk"),
                    titles.order_by().values_list(Value("paper"), "pk"), all=True))
    found = {"topic": [], "tag": [], "paper": []}
    for kind, pk in names:
        found[kind].append(pk)
    return found if any(found.values()) else None


def _filed_under(names):
    """The ids of the articles filed under these topics, tags and papers, as one subquery: a part for each
    kind found, each read through its own index (an OR across them would read the whole table)."""
    parts = [Relevance.objects.filter(**{f"{kind}__in": names[kind]}).order_by().values("article_id")
             for kind in ("topic", "paper") if names[kind]]
    if names["tag"]:
        parts.append(TaggedArticle.objects.filter(tag__in=names["tag"]).order_by().values("content_object_id"))
    return parts[0].union(*parts[1:], all=True)


def _filed_under_each(names):
    """The same, as a test of each article."""
    return (Exists(Relevance.objects.filter(Q(topic__in=names["topic"]) | Q(paper__in=names["paper"]),
                                            article=OuterRef("pk")))
            | Exists(TaggedArticle.objects.filter(tag__in=names["tag"], content_object=OuterRef("pk"))))


def snippet(article, query):
    """About thirty words of the article around the first searched word, the words marked; the context's
    opening when no word is in its text (it was found by its paper, topic or tag)."""
    words = sorted(set(read(query).words), key=len, reverse=True)
    texts = [article.context] + [plain_text(section.body) for section in article.sections.all()]
    if words:
        for text in texts:
            tokens = text.split()
            hit = next((index for index, token in enumerate(tokens) if _holds_a_word(token, words)), None)
            if hit is not None:
                start = max(hit - SNIPPET_WORDS // 3, 0)
                return _marked(tokens, start, words)
    return _marked(article.context.split(), 0, [])


def _pattern(words):
    return re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)


def _spelled_otherwise(token, words):
    """Whether the token holds one of the words (not plain ASCII) in another of its spellings (क़ानून for
    कानून): devanagari.fold, as the index matched it."""
    folded = fold(token).casefold()
    return any(fold(word).casefold() in folded for word in words if not word.isascii())


def _holds_a_word(token, words):
    return bool(_pattern(words).search(token)) or _spelled_otherwise(token, words)


def _marked(tokens, start, words):
    """The window of tokens from `start`, escaped for HTML, each searched word inside <mark> (a whole word
    when it is written in another spelling)."""
    found = _pattern(words) if words else None
    marked = []
    for token in tokens[start:start + SNIPPET_WORDS]:
        if found is not None and not found.search(token) and _spelled_otherwise(token, words):
            marked.append(f"<mark>{html.escape(token)}</mark>")
            continue
        pieces, done = [], 0
        for match in (found.finditer(token) if found is not None else ()):
            pieces += [html.escape(token[done:match.start()]), f"<mark>{html.escape(match.group(0))}</mark>"]
            done = match.end()
        marked.append("".join(pieces) + html.escape(token[done:]))
    text = " ".join(marked)
    before = "… " if start > 0 else ""
    after = " …" if start + SNIPPET_WORDS < len(tokens) else ""
    return mark_safe(before + text + after)
