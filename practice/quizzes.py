"""The edition quiz: which questions make the month's paper, and fixing the paper when it opens."""

import logging
import time

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from .models import EditionQuiz, Question, QuizQuestion

logger = logging.getLogger(__name__)

MAX_QUESTIONS = 25
PER_ARTICLE = 3
SECONDS_PER_QUESTION = 72  # UPSC's pace: 100 questions in two hours
LATE_AFTER_SECONDS = 5 * 60  # a sheet handed in this long after time is up is marked but not counted


def candidates(edition):
    """The approved, live questions of the edition's published articles, in reading order."""
    return (Question.objects.public().filter(article__edition=edition).select_related("article", "paper")
            .order_by("article__published_at", "article__pk", "position", "pk"))


def assemble(edition, quiz=None):
    """Up to 25 questions: the pinned ones first, then the rest taken paper by paper in turn so that every
    paper is represented, at most three from one article; excluded questions never."""
    excluded = set(quiz.excluded.values_list("pk", flat=True)) if quiz else set()
    pinned = set(quiz.pinned.values_list("pk", flat=True)) if quiz else set()
    pool = [question for question in candidates(edition) if question.pk not in excluded]
    chosen, per_article = [], {}

    def take(question):
        if len(chosen) < MAX_QUESTIONS and per_article.get(question.article_id, 0) < PER_ARTICLE \
                and question not in chosen:
            chosen.append(question)
            per_article[question.article_id] = per_article.get(question.article_id, 0) + 1

    for question in pool:
        if question.pk in pinned:
            take(question)
    by_paper = {}
    for question in pool:
        by_paper.setdefault(question.paper_id, []).append(question)
    queues = list(by_paper.values())
    while len(chosen) < MAX_QUESTIONS and any(queues):
        for queue in queues:
            if queue:
                take(queue.pop(0))
    return chosen


def paper(edition):
    """The quiz's questions in order, numbered, frozen the first time it is opened after the release; None
    before the release or when the month has no questions."""
    if not edition.is_released:
        return None
    quiz, _ = EditionQuiz.objects.get_or_create(edition=edition)
    if quiz.frozen_at is None:
        with transaction.atomic():
            quiz = EditionQuiz.objects.select_for_update().get(pk=quiz.pk)
            if quiz.frozen_at is None:
                QuizQuestion.objects.bulk_create([QuizQuestion(quiz=quiz, question=question, position=position)
                                                  for position, question in enumerate(assemble(edition, quiz))])
                quiz.frozen_at = timezone.now()
                quiz.save(update_fields=["frozen_at"])
    edition.quiz = quiz  # the views read its closing time without asking again
    # Frozen, yet still only what students may see: a question dropped or an article withdrawn leaves the paper.
    questions = list(quiz.questions.filter(pk__in=Question.objects.public().values("pk")).for_paper()
                     .order_by("quizquestion__position"))
    for number, question in enumerate(questions, start=1):
        question.number = number
    return questions or None


def time_limit(questions):
    return len(questions) * SECONDS_PER_QUESTION


def started_at(edition, device):
    """When this device first opened the month's quiz (now, the first time): the timer runs from then, so
    opening the quiz again does not start the time afresh. Kept in the shared cache until the quiz closes;
    while the cache is down, each opening starts the time anew (the student keeps their quiz)."""
    key = f"quiz-started:{edition.pk}:{device}"
    now = time.time()
    closes = edition.quiz.closes_at
    keep = max(60, int((closes - timezone.now()).total_seconds())) if closes else 60 * 60 * 24 * 31
    try:
        cache.add(key, now, keep)
        return float(cache.get(key) or now)
    except Exception:  # any cache backend error
        logger.warning("Cache unavailable: the quiz timer starts on this opening.", exc_info=True)
        return now


def time_left(questions, started):
    return max(0, round(time_limit(questions) - (time.time() - started)))


def recent_quizzes(count=6):
    """The latest released months that have a quiz (approved questions on their published articles), newest
    first, each with its quiz read alongside when it exists (for its closing time)."""
    from articles.models import Edition

    months = (Edition.objects.released().filter(pk__in=Question.objects.public().values("article__edition"))
              .select_related("quiz").order_by("-year", "-month")[:count])
    return list(months)


def practised_articles(count=20):
    """The latest published articles with public Prelims questions, newest first, each with `question_count`.
    Found from the questions (far fewer rows than the archive's articles), then counted for those few:
    counting every article's questions to find them took 130 ms at 100,000 articles."""
    from django.db import connection
    from django.db.models import Count, Q

    from articles.models import Article, read_first, reading_language

    public = Question.objects.public()
    with_questions = public.order_by().values("article_id").distinct()
    if reading_language() != Article.Language.ENGLISH:
        # A Hindi twin offers its English original's questions: found through the original.
        with_questions = Article.objects.filter(Q(pk__in=with_questions) | Q(english_original__in=with_questions)
                                                ).values("pk")
    articles = list(Article.objects.published_here().filter(read_first("pk", with_questions, connection.vendor))
                    .for_listing().order_by("-published_at", "-pk")[:count])
    sources = {article.pk: article.question_sources for article in articles}
    counts = dict(public.filter(article__in={pk for pks in sources.values() for pk in pks}).order_by()
                  .values("article").annotate(n=Count("pk")).values_list("article", "n"))
    for article in articles:
        article.question_count = sum(counts.get(pk, 0) for pk in sources[article.pk])
    return articles
