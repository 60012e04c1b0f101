"""With ANSWERS_S3_BUCKET set, answer photos live in an S3-compatible bucket (so several app servers share
them), as private objects served only through the answer's link. Against moto's in-process S3."""

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from moto import mock_aws

from answers.models import Answer, AnswerPhoto
from tests.answers.factories import jpeg_bytes, mains_question
from tests.factories import full_article

pytestmark = pytest.mark.django_db
BUCKET = "institute-answer-photos"


def test_the_bucket_is_chosen_by_the_environment_and_kept_private():
    """ANSWERS_S3_BUCKET (with an endpoint for a non-AWS provider) switches the answers store to S3, with
    private objects, signed access only and no overwriting; without it the store is the private folder."""
    from tests.coaching.test_settings_from_environment import run_django

    probe = ("from django.core.files.storage import storages; store = storages['answers']; "
             "print(type(store).__name__, getattr(store, 'bucket_name', ''), getattr(store, 'endpoint_url', ''), "
             "getattr(store, 'default_acl', ''), getattr(store, 'querystring_auth', ''))")
    in_bucket = run_django(probe, DJANGO_DEBUG="true", ANSWERS_S3_BUCKET=BUCKET,
                           ANSWERS_S3_ENDPOINT_URL="https://minio.internal:9000")
    in_folder = run_django(probe, DJANGO_DEBUG="true")

    assert in_bucket.stdout.split() == ["S3Storage", BUCKET, "https://minio.internal:9000", "private", "True"], \
        in_bucket.stderr
    assert in_folder.stdout.split()[0] == "FileSystemStorage"


@pytest.fixture
def bucket(settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "ap-south-1")
    with mock_aws():
        s3 = boto3.client("s3", region_name="ap-south-1")
        s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "ap-south-1"})
        settings.STORAGES = {**settings.STORAGES, "answers": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
            "bucket_name": BUCKET, "region_name": "ap-south-1", "default_acl": "private", "file_overwrite": False}}}
        yield s3


def test_a_photo_goes_to_the_bucket_privately_is_served_through_the_link_and_deleted_with_the_answer(
        client, bucket, django_capture_on_commit_callbacks):
    """The redrawn JPEG is stored as a private object, the answer's link serves it, and deleting the answer
    removes the object."""
    question = mains_question(full_article(slug="finance-commission"))
    page = SimpleUploadedFile("page.jpg", jpeg_bytes((1200, 1600)), content_type="image/jpeg")

    client.post(f"/articles/finance-commission/answer/{question.pk}/", {"photos": [page]})

    answer = Answer.objects.get()
    key = AnswerPhoto.objects.get().stored_as
    grants = bucket.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]  # the owner only: nothing public
    served = client.get(f"/answers/{answer.link}/photos/0.jpg")
    assert served.status_code == 200 and b"".join(served.streaming_content)[:2] == b"\xff\xd8"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/answers/{answer.link}/delete/")
    assert bucket.list_objects_v2(Bucket=BUCKET).get("KeyCount") == 0
