"""The student's side of practice: a question paper (no key in it), the marked results, this device's history."""

from collections import OrderedDict

from django.conf import settings
from django.db.models import Count, OuterRef, Subquery, prefetch_related_objects

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from articles.models import Article, Edition
from common import devices
from common.forms import row_id
from enquiries.callbacks import take_callback
from enquiries.consent import NOTICE_VERSION
from enquiries.forms import form_clock
from enquiries.limits import over_limit, too_many
from enquiries.models import Enquiry

from . import marking, quizzes, services
from .forms import CounsellorCallbackForm
from .models import Answer, Attempt, Question, QuizQuestion


def paper_of(article):
    """The article's public questions in order, each numbered as printed."""
    questions = list(Question.objects.public().of_article(article).for_paper()
                     .order_by("article__language", "position", "pk"))
    for number, question in enumerate(questions, start=1):
        question.number = number
    return questions


@require_http_methods(["GET", "HEAD", "POST"])
def article_practice(request, slug):
    article = get_object_or_404(Article.objects.published_here(), slug=slug)
    questions = paper_of(article)
    if not questions:
        raise Http404("This article has no practice questions yet.")
    device = devices.device_of(request)
    if request.method == "POST":
        if over_limit(request, group="practice-submit", key="ip", rate=settings.PRACTICE_RATE_PER_IP):
            return _too_many_sheets(request)
        token = request.POST.get("sheet")
        try:
            choices = services.read_choices(request.POST, questions)
            attempt = services.submit(choices=choices, token=token, device=device, by_staff=request.user.is_staff,
                                      article=article, countable=not services.too_quick(token, questions))
        except services.BadAnswers as problem:
            return render(request, "practice/bad_answers.html",
                          {"problem": problem, "retry": request.path}, status=400)
        return devices.remember(redirect(attempt), device)
    response = render(request, "practice/paper.html", {"article": article, "questions": questions,
                                                        "sheet": services.new_token()})
    return devices.remember(response, device)


@require_http_methods(["GET", "HEAD", "POST"])
def edition_quiz(request, year, month):
    """The month's quiz in exam mode: a timer at UPSC's pace, answers revealed only at the end; a sheet
    handed in long after the time is up is marked but not counted."""
    edition, questions = _open_quiz(year, month)
    limit = quizzes.time_limit(questions)
    device = devices.device_of(request)
    if request.method == "POST":
        if over_limit(request, group="practice-submit", key="ip", rate=settings.PRACTICE_RATE_PER_IP):
            return _too_many_sheets(request)
        token = request.POST.get("sheet")
        try:
            choices = services.read_choices(request.POST, questions)
            late = services.handed_in_late(token, limit, quizzes.LATE_AFTER_SECONDS)
            attempt = services.submit(choices=choices, token=token, device=device, by_staff=request.user.is_staff,
                                      edition=edition, late=late, countable=not services.too_quick(token, questions))
        except services.BadAnswers as problem:
            return render(request, "practice/bad_answers.html", {"problem": problem, "retry": request.path},
                          status=400)
        return devices.remember(redirect(attempt), device)
    started = quizzes.started_at(edition, device)
    response = render(request, "practice/paper.html", {
        "edition": edition, "questions": questions, "sheet": services.new_token(started_at=started),
        "time_limit": limit, "time_left": quizzes.time_left(questions, started), "minutes": limit // 60})
    return devices.remember(response, device)


def _too_many_sheets(request):
    return render(request, "practice/too_many_sheets.html", status=429)


def _open_quiz(year, month):
    edition = get_object_or_404(Edition.objects.released(), year=int(year), month=int(month))
    questions = quizzes.paper(edition)
    if not questions:
        raise Http404("This month has no quiz.")
    return edition, questions


def printable_quiz(request, year, month):
    """The month's quiz as a paper to print, with an answer grid to fill in by hand."""
    edition, questions = _open_quiz(year, month)
    return render(request, "practice/printable.html", {"edition": edition, "questions": questions,
                                                        "quiz": edition.quiz, "minutes": quizzes.time_limit(questions) // 60})


def quiz_key(request, year, month):
    """The printed paper's key, on its own page, once the quiz has closed (404 before)."""
    edition, questions = _open_quiz(year, month)
    if not edition.quiz.is_closed:
        raise Http404("The key opens when the quiz closes.")
    return render(request, "practice/key.html", {"edition": edition, "questions": questions})


def attempt_detail(request, public_id, callback_form=None, please_confirm=False):
    attempt = get_object_or_404(Attempt.objects.select_related("article", "edition", "edition__quiz"),
                                public_id=public_id)
    answers = (Answer.objects.filter(attempt=attempt)
               .select_related("option", "question__section", "question__topic", "question__paper", "question__article")
               .prefetch_related("question__options", "question__statements"))
    if attempt.edition_id:  # numbered as the month's paper numbered them (the quiz, the print and the key)
        position = QuizQuestion.objects.filter(quiz__edition=attempt.edition_id, question=OuterRef("question"))
        answers = answers.annotate(on_paper=Subquery(position.values("position")[:1])).order_by("on_paper", "pk")
    else:
        answers = answers.order_by("question__position", "question__pk")
    answers = list(answers)
    anchors = _section_links({answer.question.article for answer in answers if answer.question.article_id})
    for number, answer in enumerate(answers, start=1):
        answer.number = number
        answer.read = anchors.get(answer.question.section_id)
    result = marking.Score(correct=attempt.correct, wrong=attempt.wrong, blank=attempt.blank)
    # While the month's quiz is open its key stays closed: the student sees their own choices and score, and
    # the answers once it closes (else a blank sheet would hand the key to everyone still taking it).
    key_opens_at = attempt.edition.quiz.closes_at if attempt.edition_id and not attempt.edition.quiz.is_closed else None
    return render(request, "practice/attempt.html", {
        "attempt": attempt, "answers": answers, "result": result, "key_opens_at": key_opens_at,
        "by_topic": [] if key_opens_at else _by_topic(answers),
        "percentile": None if key_opens_at else _compare_with_first_attempts(attempt, answers),
        "callback_form": callback_form or CounsellorCallbackForm(initial={"started": form_clock()}),
        "notice_version": NOTICE_VERSION, "please_confirm": please_confirm,
    }, status=400 if callback_form is not None and not please_confirm else 200)


# Shares of choices and a percentile mean something only once enough students have answered.
RANKED_FOR_STATS = 20


def _compare_with_first_attempts(attempt, answers):
    """With enough counted (first) attempts at this quiz, mark each option with the share of them that chose
    it and return the share of them this attempt scored at least as well as; None before that."""
    ranked = Attempt.objects.filter(article=attempt.article_id, edition=attempt.edition_id, ranked=True)
    total = ranked.count()
    if total < RANKED_FOR_STATS:
        return None
    chosen = dict(((row["question"], row["option"]), row["n"]) for row in Answer.objects.filter(
        attempt__in=ranked, question__in=[answer.question_id for answer in answers]).values("question", "option")
        .annotate(n=Count("pk")))
    for answer in answers:
        for option in answer.question.options.all():
            option.chosen_share = round(100 * chosen.get((answer.question_id, option.pk), 0) / total)
    return round(100 * ranked.filter(marks__lte=attempt.marks).count() / total)


def _section_links(articles):
    """{section id: (its address on the article page, its heading)} for the sections of these articles."""
    articles = list(articles)
    prefetch_related_objects(articles, "sections")
    return {dimension.section.pk: (f"{article.get_absolute_url()}#{dimension.anchor}", dimension.heading)
            for article in articles for dimension in article.dimensions}


def _by_topic(answers):
    """[(topic label, right, attempted)] in the order the topics first appear."""
    rows = OrderedDict()
    for answer in answers:
        question = answer.question
        name = (question.topic.local_name if question.topic_id
                else question.paper.local_short_name if question.paper_id else _("Other"))
        right, attempted = rows.get(name, (0, 0))
        rows[name] = (right + (answer.outcome == marking.CORRECT), attempted + (answer.outcome != marking.BLANK))
    return [(name, right, attempted) for name, (right, attempted) in rows.items()]


def practice_index(request):
    """Prelims practice as a way in: the months' quizzes and the latest articles with questions."""
    return render(request, "practice/index.html", {
        "quizzes": quizzes.recent_quizzes(), "articles": quizzes.practised_articles(), "active_paper_code": "practice"})


REPORTS_PER_ADDRESS = "20/h"  # enough for a student with many doubts, too few to flood the editors' queue


@require_POST
def report_problem(request, public_id):
    """"Report a problem with this question", from a results page, into the editors' errata queue."""
    attempt = get_object_or_404(Attempt, public_id=public_id)
    if over_limit(request, group="practice-report", key="ip", rate=REPORTS_PER_ADDRESS):
        return too_many(request)
    raw = request.POST.get("question", "")
    question = Question.objects.filter(pk=row_id(raw)).first()
    try:
        if question is None:
            raise services.BadAnswers(services.NOT_IN_ATTEMPT)
        services.report_problem(attempt=attempt, question=question, text=request.POST.get("text", ""))
    except services.BadAnswers as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, _("Thank you: an editor will check this question and correct it if needed."))
    return redirect(attempt)


@require_POST
def talk_to_counsellor(request, public_id):
    """A callback asked for from a result (enquiries/callbacks.py); the score goes to the counsellor only if
    the student ticked it."""
    attempt = get_object_or_404(Attempt.objects.select_related("article", "edition"), public_id=public_id)
    return take_callback(
        request, CounsellorCallbackForm(request.POST),
        message=f"Asked for a call from a Prelims practice result on “{attempt.quiz_title}”.",
        shared=(f"Shared score: {attempt.marks} / {attempt.maximum} ({attempt.correct} right, "
                f"{attempt.wrong} wrong, {attempt.blank} not attempted)."),
        origin=Enquiry.Origin.PRACTICE, source_page=attempt.get_absolute_url(), source_article=attempt.article,
        show_again=lambda form, please_confirm: attempt_detail(request, public_id, callback_form=form,
                                                               please_confirm=please_confirm))
