"""A student answers an article's Mains question on the site: the question with its directive and guidance,
a typed answer or photos, a private link that is the only key to it, and nothing of it kept by any cache."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from answers.models import Answer, AnswerPhoto, photo_store
from articles.models import Article
from tests.answers.factories import QUESTION, jpeg_bytes, mains_question
from tests.factories import full_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def question():
    return mains_question(full_article(title="The Sixteenth Finance Commission", slug="finance-commission"))


def write_url(question):
    return f"/articles/{question.article.slug}/answer/{question.pk}/"


def test_the_article_invites_an_answer_and_the_page_explains_the_question(client, question):
    """The article lists its approved Mains question; the writing page gives the marks, word limit, the
    directive word with its meaning, the key demand and an 11-minute timer for a 15-marker."""
    article_page = client.get("/articles/finance-commission/").content.decode()
    page = client.get(write_url(question)).content.decode()

    assert f'href="{write_url(question)}"' in article_page and "Write a Mains answer" in article_page
    assert QUESTION in page and "15 marks · 250 words" in page
    assert "Discuss</span>: Write about the issue from several sides" in page
    assert "Weigh the two aims of devolution" in page and "Start a 11-minute timer" in page
    assert 'data-draft-key="answer-draft:' in page


@pytest.mark.parametrize("case", ["draft question", "unpublished article", "another article", "no such question"])
def test_questions_students_may_not_answer_are_not_found(client, question, case):
    """A draft question, one of an unpublished article, one asked through another article's address and a
    made-up number all answer 404, and nothing is stored when posted to."""
    slug, pk = question.article.slug, question.pk
    if case == "draft question":
        question.status = "draft"
        question.save()
    elif case == "unpublished article":
        Article.objects.filter(pk=question.article_id).update(status=Article.Status.UNPUBLISHED)
    elif case == "another article":
        slug = full_article(slug="another-article").slug
    else:
        pk = 999_999

    assert client.get(f"/articles/{slug}/answer/{pk}/").status_code == 404
    assert client.post(f"/articles/{slug}/answer/{pk}/", {"text": "An answer."}).status_code == 404
    assert not Answer.objects.exists()


def test_a_typed_answer_is_kept_behind_a_private_link(client, question):
    """Sending the answer stores it for this device and opens its private page, whose address carries at
    least 128 random bits; the page shows the answer and its word count and clears the browser's draft."""
    text = "Devolution must serve equity and efficiency at once. " * 5

    response = client.post(write_url(question), {"text": text})

    answer = Answer.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/answers/{answer.link}/"
    assert len(answer.link) >= 22 and re.fullmatch(r"[A-Za-z0-9_-]+", answer.link)  # 24 bytes: 192 bits
    assert answer.words == 40 and answer.version == 1 and answer.status == "submitted"
    page = client.get(response["Location"]).content.decode()
    assert "Devolution must serve equity" in page and "40 words (limit 250)" in page
    assert f'data-clear-draft="answer-draft:{question.pk}"' in page


def test_an_empty_answer_is_refused_and_nothing_is_stored(client, question):
    """Neither text nor photos: the page says what to do, with a 400."""
    response = client.post(write_url(question), {"text": "   "})

    assert response.status_code == 400
    assert "Write your answer, or add photos of your handwritten answer." in response.content.decode()
    assert not Answer.objects.exists()


def test_an_answer_far_over_the_word_limit_is_warned_not_refused(client, question):
    """276 words for a 250-word question (more than 10% over) is stored, and its page says so."""
    client.post(write_url(question), {"text": "word " * 276})

    page = client.get(Answer.objects.get().get_absolute_url()).content.decode()
    assert "more than 10% over the 250-word limit" in page


def test_a_device_sends_at_most_three_versions(client, question):
    """Three versions are kept and linked from the question's page; a fourth is refused."""
    for number in range(3):
        client.post(write_url(question), {"text": f"Version {number + 1} of my answer."})

    page = client.get(write_url(question)).content.decode()
    refused = client.post(write_url(question), {"text": "A fourth version."})

    assert [answer.version for answer in Answer.objects.order_by("version")] == [1, 2, 3]
    assert page.count('href="/answers/') == 3 and "You have sent the three versions" in page
    assert refused.status_code == 400 and Answer.objects.count() == 3


def test_another_devices_answers_are_not_listed_and_a_forged_link_is_not_found(client, question):
    """A second browser sees no earlier answers on the question page; a link one character off, or too
    long, answers 404."""
    from django.test import Client

    client.post(write_url(question), {"text": "Mine."})
    link = Answer.objects.get().link

    stranger = Client()
    assert 'href="/answers/' not in stranger.get(write_url(question)).content.decode()
    forged = link[:-1] + ("A" if link[-1] != "A" else "B")
    assert stranger.get(f"/answers/{forged}/").status_code == 404
    assert stranger.get(f"/answers/{link * 3}/").status_code == 404


def test_answer_pages_are_never_cached(client, question):
    """The writing page and the private page say private, no-store, so neither the page cache nor a proxy
    keeps them: a deleted answer is gone at once."""
    client.post(write_url(question), {"text": "Mine."})
    answer = Answer.objects.get()

    for address in (write_url(question), answer.get_absolute_url()):
        response = client.get(address)
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    client.post(f"/answers/{answer.link}/delete/")
    assert client.get(answer.get_absolute_url()).status_code == 404


def test_photos_are_stored_redrawn_and_served_only_through_the_link(client, question,
                                                                    django_capture_on_commit_callbacks):
    """Two photos are stored as JPEGs in the private store and shown on the answer's page through its link,
    marked private; deleting the answer removes the files."""
    pages = [SimpleUploadedFile(f"page{n}.jpg", jpeg_bytes((1200, 1600)), content_type="image/jpeg") for n in (1, 2)]

    client.post(write_url(question), {"text": "", "photos": pages})

    answer = Answer.objects.get()
    photos = list(AnswerPhoto.objects.filter(answer=answer))
    assert [photo.position for photo in photos] == [0, 1] and all(photo_store().exists(p.stored_as) for p in photos)
    assert answer.link not in photos[0].stored_as
    served = client.get(f"/answers/{answer.link}/photos/0.jpg")
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg" and "private" in served["Cache-Control"]
    assert b"".join(served.streaming_content)[:2] == b"\xff\xd8"
    assert client.get(f"/answers/{answer.link}/photos/7.jpg").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/answers/{answer.link}/delete/")
    assert not any(photo_store().exists(p.stored_as) for p in photos) and not AnswerPhoto.objects.exists()


def test_a_refused_photo_stores_nothing(client, question):
    """A PDF among the photos refuses the whole answer with the photo's message; no row, no file."""
    pages = [SimpleUploadedFile("page1.jpg", jpeg_bytes(), content_type="image/jpeg"),
             SimpleUploadedFile("notes.jpg", b"%PDF-1.7 not an image", content_type="image/jpeg")]

    response = client.post(write_url(question), {"text": "See the photos.", "photos": pages})

    assert response.status_code == 400 and "“notes.jpg” could not be read as a photo" in response.content.decode()
    assert not Answer.objects.exists() and not AnswerPhoto.objects.exists()


def test_five_photos_are_refused(client, question):
    """At most four pages."""
    pages = [SimpleUploadedFile(f"p{n}.jpg", jpeg_bytes((200, 200)), content_type="image/jpeg") for n in range(5)]

    response = client.post(write_url(question), {"photos": pages})

    assert response.status_code == 400 and "Send at most 4 photos." in response.content.decode()
    assert not Answer.objects.exists()


def test_an_email_needs_the_consent_box(client, question):
    """An address without the box ticked is refused; with it, the address and the notice version are kept."""
    refused = client.post(write_url(question), {"text": "Mine.", "email": "asha@example.com"})
    client.post(write_url(question), {"text": "Mine.", "email": "asha@example.com", "consent": "on"})

    assert refused.status_code == 400 and "Tick the box to agree" in refused.content.decode()
    answer = Answer.objects.get()
    assert answer.email == "asha@example.com" and answer.consent_notice_version


def test_the_model_answer_opens_48_hours_after_the_article(client, question):
    """Before its time the private page names when it opens; after, it shows it."""
    client.post(write_url(question), {"text": "Mine."})
    link = Answer.objects.get().get_absolute_url()
    question.article.published_at = timezone.now() - timedelta(hours=47)
    question.article.save()

    before = client.get(link).content.decode()
    question.article.published_at = timezone.now() - timedelta(hours=49)
    question.article.save()
    after = client.get(link).content.decode()

    assert "The model answer opens on" in before and "The Commission balances need" not in before
    assert "The Commission balances need" in after


def test_twenty_sends_in_a_minute_from_one_address_get_the_friendly_429(client, question):
    """The address's limit answers 429 with the page that explains it; what was stored before stays."""
    from django.test import Client

    statuses = []
    for number in range(20):
        device = Client(REMOTE_ADDR="203.0.113.7")  # a classroom of devices behind one address
        statuses.append(device.post(write_url(question), {"text": f"Answer {number}."}).status_code)

    assert statuses[:19] == [302] * 19 and statuses[19] == 429
    assert Answer.objects.count() == 19


def test_the_devices_history_lists_its_answers_beside_its_practice_attempts(client, question):
    """/practice/history/ names this device's Mains answers (linking to their private pages) under its
    Prelims attempts; another browser's history shows none of them."""
    from django.test import Client

    client.post(write_url(question), {"text": "Mine."})
    answer = Answer.objects.get()

    mine = client.get("/practice/history/").content.decode()
    theirs = Client().get("/practice/history/").content.decode()

    assert f'href="{answer.get_absolute_url()}"' in mine and "version 1" in mine and "Mains answers" in mine
    assert answer.link not in theirs and "No Mains answers yet on this device." in theirs


# The header's call-us numbers and paper menu come from the shared fragments, read on the first visit.
@pytest.mark.parametrize("page, expected", [
    ("write", 3),  # published article by slug; the question with its article; this device's earlier answers
    ("answer", 4),  # the answer with its question and article; its review; the review's comments; its photos
    ("history", 2),  # this device's attempts; its answers with their questions and articles
])
def test_answer_pages_cost_a_fixed_number_of_queries(client, question, django_assert_num_queries, page, expected):
    """The writing page, a reviewed answer's page and the device's history each cost the same few queries."""
    from answers import reviewing
    from tests.factories import staff_user

    staff_user("anil", role="Evaluator")
    client.post(write_url(question), {"text": "Mine, about the southern States."})
    answer = Answer.objects.get()
    reviewing.review(answer, answer.evaluator, marks={"introduction": "1", "body": "5", "conclusion": "1",
                                                      "presentation": "1"}, remark="Fine.", anchored=[(0, 4, "Yes.")])
    address = {"write": write_url(question), "answer": answer.get_absolute_url(), "history": "/practice/history/"}[page]
    client.get(address)  # the header's shared parts, read once

    with django_assert_num_queries(expected):
        assert client.get(address).status_code == 200


def test_the_hindi_site_asks_the_question_in_hindi_words(client, question):
    """Under /hi/ (through the Hindi twin) the writing page speaks Hindi: the directive word and its meaning,
    the marks and words, the button; the question is the same one."""
    from tests.factories import hindi_twin

    hindi_twin(question.article)

    page = client.get(f"/hi{write_url(question)}").content.decode()

    assert '<html lang="hi">' in page and "15 अंक · 250 शब्द" in page
    assert "चर्चा कीजिए</span>: मुद्दे पर कई पक्षों से लिखें" in page and "समीक्षा के लिए भेजें" in page


def test_the_same_version_sent_twice_at_once_is_stored_once_with_a_message(client, question, monkeypatch):
    """When two sends of one device race for the same version, the second is refused by the database's
    uniqueness and answered with a message (a 400, not an error page); one answer is kept."""
    from answers import services

    client.post(write_url(question), {"text": "First."})
    monkeypatch.setattr(services, "versions_of", lambda question, device: Answer.objects.none())

    response = client.post(write_url(question), {"text": "The same again."})

    assert response.status_code == 400 and "This answer was just sent from this device" in response.content.decode()
    assert Answer.objects.count() == 1
