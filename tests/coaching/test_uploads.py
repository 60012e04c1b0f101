"""The rich-text editor's image upload endpoint is closed: nothing uses uploaded images."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.mark.parametrize("role", ["writer", "editor", "counsellor", "superuser"])
def test_no_staff_role_can_upload_an_image_through_the_editor(client, staff, settings, tmp_path, role):
    """Every staff role gets a 403 with the editor's error message, and nothing is written to media."""
    settings.MEDIA_ROOT = tmp_path
    client.force_login(staff[role])

    response = client.post("/ckeditor5/image_upload/", {"upload": SimpleUploadedFile("chart.png", PNG, "image/png")})

    assert response.status_code == 403
    assert response.json()["error"]["message"].startswith("Image uploads are turned off")
    assert list(tmp_path.iterdir()) == []


def test_the_article_form_still_loads_the_editor(client, editor):
    """The CKEditor widget renders on the article form without the upload route."""
    client.force_login(editor)
    response = client.get("/admin/articles/article/add/")

    assert response.status_code == 200
    assert 'data-upload-url="/ckeditor5/image_upload/"' in response.content.decode()
