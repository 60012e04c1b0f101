"""Submitting and erasing answers: the only writes of the students' side."""

import re
import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from articles.models import reading_language
from enquiries.consent import NOTICE_VERSION

from . import photos as photo_rules
from . import reviewing
from .models import VERSIONS_PER_QUESTION, Answer, AnswerPhoto, photo_store

PHOTO_BUDGET_PER_DEVICE = 40 * 1024 * 1024  # some fifty redrawn pages: a term's answers, not a photo album
OVER_LIMIT_TOLERANCE = 1.10  # UPSC refuses nothing for length; past 10% over the limit a student is warned


def count_words(text):
    """Words as an examiner counts them: runs of letters or digits, in any script (matras included)."""
    return len(re.findall(r"[^\s\-–—.,;:!?()\"'“”‘’/]+", text or ""))


def over_word_limit(question, words):
    return words > question.word_limit * OVER_LIMIT_TOLERANCE


def versions_of(question, device):
    return Answer.objects.filter(question=question, device=device).order_by("version")


def submit(*, question, device, text, uploads, email="", consent=False):
    """Store a device's answer to `question` (typed `text`, or up to four photos in `uploads`) as its next
    version; return the answer. Raises ValidationError with a message per field, and stores nothing then.

    The photos are redrawn (answers/photos.py) before anything is written, so a refused photo leaves no
    trace; the answer and its photos are written in one transaction."""
    # One kind of line break, as the review page's browser reads it: comments point at characters.
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    errors = {}
    if not text and not uploads:
        errors["text"] = _("Write your answer, or add photos of your handwritten answer.")
    if len(uploads) > photo_rules.MAX_PHOTOS:
        errors["photos"] = _("Send at most %(count)s photos.") % {"count": photo_rules.MAX_PHOTOS}
    if email and not consent:
        errors["consent"] = _("Tick the box to agree, so that we may write to you when the review is ready.")
    redrawn = []
    if "photos" not in errors:
        for upload in uploads:
            try:
                redrawn.append(photo_rules.redrawn(upload))
            except photo_rules.PhotoRefused as refusal:
                errors.setdefault("photos", str(refusal))
    if redrawn and photos_held_by(device) + sum(content.size for content, _, _ in redrawn) > PHOTO_BUDGET_PER_DEVICE:
        errors["photos"] = _("This device already keeps as many answer photos as we hold for one student: "
                             "delete an older answer, or type this one.")
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            return _store(question, device, text, redrawn, email, consent)
    except IntegrityError:
        # The same device sent this question twice at the same moment (a double tap, two tabs): one version
        # was stored, and the unique (question, device, version) refused the other.
        raise ValidationError({"text": _("This answer was just sent from this device (twice at once?): it is "
                                         "listed above.")}) from None


def _store(question, device, text, redrawn, email, consent):
    taken = versions_of(question, device).count()
    if taken >= VERSIONS_PER_QUESTION:
        raise ValidationError({"text": _("You have sent %(count)s versions of this answer, the most we "
                                         "review: read the feedback on them.") % {"count": taken}})
    answer = Answer.objects.create(
        question=question, device=device, version=taken + 1, text=text, words=count_words(text),
        language=reading_language(),
        email=email if consent else "", consent_notice_version=NOTICE_VERSION if email and consent else "")
    store = photo_store()
    reviewing.hand_out(answer)
    for position, (content, width, height) in enumerate(redrawn):
        # A name of its own: the file store never holds the answer's link, the key to it.
        stored_as = store.save(f"answers/{answer.question_id}/{uuid.uuid4().hex}.jpg", content)
        AnswerPhoto.objects.create(answer=answer, position=position, stored_as=stored_as, width=width,
                                   height=height, size=content.size)
    return answer


def erase(answers):
    """Delete answers (a queryset) with their reviews and every photo file; return how many. Used by the
    student's "Delete my answer", the retention purge and a person's erasure."""
    answers = Answer.objects.filter(pk__in=answers.values("pk"))
    names, store = list(AnswerPhoto.objects.filter(answer__in=answers).values_list("stored_as", flat=True)), photo_store()
    with transaction.atomic():
        count = answers.count()
        answers.delete()
        # The files go once the rows are gone for good: a rolled-back delete must not lose a photo.
        transaction.on_commit(lambda: [store.delete(name) for name in names])
    return count


def erase_answers_of(sender, person, **kwargs):
    """A person erased on request (enquiries.erasure.person_erased, connected by coaching/apps.py) loses the
    answers they gave their email with: the contact they consented to is theirs."""
    given = Q(pk__in=[])
    for email in person.emails:
        given |= Q(email__iexact=email)
    if person.emails:
        erase(Answer.objects.filter(given))


def photos_held_by(device):
    """Bytes of answer photos this device keeps on the server (its storage budget counts them)."""
    return AnswerPhoto.objects.filter(answer__device=device).aggregate(total=Sum("size"))["total"] or 0
