"""Answers under the privacy notice: a retention purge, a person's erasure reaching the answers they gave
their email with, and a storage budget per device."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from answers import services
from answers.models import Answer, AnswerPhoto, Review, photo_store
from tests.answers.factories import jpeg_bytes, mains_question
from tests.factories import full_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def question():
    return mains_question(full_article(slug="finance-commission"))


def photo():
    return SimpleUploadedFile("page.jpg", jpeg_bytes((900, 1200)), content_type="image/jpeg")


def test_purge_answers_deletes_those_older_than_the_retention_with_their_photos(question, capsys,
                                                                                django_capture_on_commit_callbacks):
    """An answer sent 400 days ago goes with its photo file; one sent today stays."""
    from datetime import timedelta

    from django.utils import timezone

    old = services.submit(question=question, device="o" * 32, text="", uploads=[photo()])
    Answer.objects.filter(pk=old.pk).update(submitted_at=timezone.now() - timedelta(days=400))
    kept = services.submit(question=question, device="k" * 32, text="Recent.", uploads=[])
    stored = AnswerPhoto.objects.get(answer=old).stored_as

    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_answers", "--older-than", "365")

    assert list(Answer.objects.all()) == [kept] and not photo_store().exists(stored)
    assert "Deleted 1 answer(s)" in capsys.readouterr().out


def test_purge_answers_refuses_a_nonsense_period(question):
    """Zero days is refused with a message, and nothing is deleted."""
    from django.core.management import CommandError

    services.submit(question=question, device="o" * 32, text="Mine.", uploads=[])
    with pytest.raises(CommandError, match="at least 1"):
        call_command("purge_answers", "--older-than", "0")
    assert Answer.objects.count() == 1


def test_erasing_a_person_erases_the_answers_they_gave_their_email_with(question):
    """erase_enquiry on a lead whose email a student gave with an answer deletes that answer and its review;
    another student's answer stays."""
    from tests.factories import EnquiryFactory

    theirs = services.submit(question=question, device="t" * 32, text="Theirs.", uploads=[],
                             email="Ravi@Example.com", consent=True)
    other = services.submit(question=question, device="u" * 32, text="Another's.", uploads=[],
                            email="someone@example.com", consent=True)
    lead = EnquiryFactory(email="ravi@example.com")

    call_command("erase_enquiry", "--phone", lead.phone)

    assert list(Answer.objects.all()) == [other] and not Review.objects.filter(answer=theirs.pk).exists()


def test_a_device_over_its_photo_budget_is_asked_to_delete_an_old_answer(question, monkeypatch):
    """Past the device's budget a new photo is refused with a message; typing is still welcome."""
    services.submit(question=question, device="b" * 32, text="", uploads=[photo()])
    monkeypatch.setattr(services, "PHOTO_BUDGET_PER_DEVICE", services.photos_held_by("b" * 32) + 100)

    with pytest.raises(Exception, match="already keeps as many answer photos"):
        services.submit(question=question, device="b" * 32, text="", uploads=[photo(), photo()])
    services.submit(question=question, device="b" * 32, text="Typed instead.", uploads=[])

    assert Answer.objects.count() == 2


def test_the_privacy_notice_explains_answers_in_its_new_version(client):
    """The notice names who reads an answer, what the email is for, deletion and the retention, as version
    2026-12, which an answer given with an email records."""
    from enquiries.consent import NOTICE_VERSION

    page = client.get("/privacy/").content.decode()

    assert NOTICE_VERSION == "2026-12" and "<strong>Mains answers:</strong>" in page
    assert "they never see your contact details" in page and "we delete answers 365 days after" in page
