"""The student's side of Mains answer writing: the question with its guidance and the writing page, and the
answer's private page (its link is the only key to it: no listing names it, no cache keeps it)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods, require_POST

from articles.models import Article
from common import devices
from common.forms import errors_onto
from enquiries.callbacks import take_callback
from enquiries.consent import NOTICE_VERSION
from enquiries.forms import form_clock
from enquiries.limits import over_limit, too_many
from enquiries.models import Enquiry

from . import feedback, services
from .forms import AnswerForm, MainsCallbackForm
from .models import VERSIONS_PER_QUESTION, Answer, MainsQuestion, Review

# Every page here is someone's own: never stored by the page cache or a shared proxy.
private = cache_control(private=True, no_store=True)


@private
@require_http_methods(["GET", "HEAD", "POST"])
def write(request, slug, pk):
    article = get_object_or_404(Article.objects.published_here(), slug=slug)
    question = get_object_or_404(MainsQuestion.objects.public().select_related("article"), pk=pk,
                                 article__in=article.question_sources)
    device = devices.device_of(request)
    form = AnswerForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if over_limit(request, group="answers-ip", key="ip", rate=settings.ANSWER_RATE_PER_IP) or over_limit(
                request, group="answers-device", key=lambda group, request: device,
                rate=settings.ANSWER_RATE_PER_DEVICE):
            return too_many(request)
        if form.is_valid():
            try:
                answer = services.submit(
                    question=question, device=device, text=form.cleaned_data["text"],
                    uploads=form.cleaned_data["photos"], email=form.cleaned_data["email"],
                    consent=form.cleaned_data["consent"])
            except ValidationError as error:
                errors_onto(form, error)
            else:
                return devices.remember(redirect(answer), device)
    known = devices.known_device(request)
    earlier = list(services.versions_of(question, known)) if known else []
    response = render(request, "answers/write.html", {
        "article": article, "question": question, "form": form, "earlier": earlier,
        "versions_left": max(0, VERSIONS_PER_QUESTION - len(earlier)), "notice_version": NOTICE_VERSION},
        status=400 if form.errors else 200)
    return devices.remember(response, device)


def _answer_at(link):
    if len(link) > 64:
        raise Http404
    return get_object_or_404(Answer.objects.select_related("question__article"), link=link)


@private
def answer_page(request, link, callback_form=None, please_confirm=False):
    answer = _answer_at(link)
    question = answer.question
    review = Review.objects.filter(answer=answer).prefetch_related("comments").first() \
        if answer.status == Answer.Status.REVIEWED else None
    comments = list(review.comments.all()) if review else []
    return render(request, "answers/answer.html", {
        "answer": answer, "question": question, "photos": answer.photos.all(), "review": review,
        "comments": comments, "passages": feedback.passages(answer.text, comments),
        "over_limit": services.over_word_limit(question, answer.words),
        "callback_form": callback_form or MainsCallbackForm(initial={"started": form_clock()}),
        "notice_version": NOTICE_VERSION, "please_confirm": please_confirm,
    }, status=400 if callback_form is not None and not please_confirm else 200)


@private
@require_POST
def talk_to_counsellor(request, link):
    """After a review, a callback about Mains preparation (enquiries/callbacks.py); the marks go to the
    counsellor only if the student ticked it. Evaluators never see who asked."""
    answer = _answer_at(link)
    if answer.status != Answer.Status.REVIEWED:
        raise Http404
    review = answer.review
    return take_callback(
        request, MainsCallbackForm(request.POST),
        message=f"Asked for a call about Mains preparation from a reviewed answer to “{answer.question}”.",
        shared=f"Shared marks: {review.total} / {answer.question.marks}.",
        origin=Enquiry.Origin.ANSWER, source_page="", source_article=answer.question.article,
        show_again=lambda form, please_confirm: answer_page(request, link, callback_form=form,
                                                            please_confirm=please_confirm))


@private
def photo(request, link, position):
    """A page of the answer's photos, to the link's holder only (the store is outside every public folder)."""
    stored = get_object_or_404(_answer_at(link).photos, position=position)
    return FileResponse(stored.open(), content_type="image/jpeg")


@private
@require_POST
def delete(request, link):
    answer = _answer_at(link)
    question = answer.question
    services.erase(Answer.objects.filter(pk=answer.pk))
    messages.success(request, _("Your answer was deleted, with its photos."))
    return redirect(question)
