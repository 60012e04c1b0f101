import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from articles.models import Article
from tests.articles.samples import ARTICLE


@pytest.mark.django_db
def test_import_command_prints_admin_and_public_urls(tmp_path, capsys):
    """import_article makes a draft and prints its admin URL; with --publish also the public URL."""
    from tests.factories import EditionFactory, staff_user

    EditionFactory(year=2024, month=6)
    staff_user("root", is_superuser=True)
    source = tmp_path / "monsoon.txt"
    source.write_text(ARTICLE, encoding="utf-8")

    call_command("import_article", str(source))
    call_command("import_article", str(source), "--publish")

    out = capsys.readouterr().out
    first, second = Article.objects.order_by("pk")
    assert f"/admin/articles/article/{first.pk}/change/" in out
    assert f"/articles/{second.slug}/" in out and second.status == "published" and first.status == "draft"


@pytest.mark.django_db
def test_importing_a_title_twice_points_at_the_first_article(tmp_path, capsys):
    """The second import of the same title still makes a draft, and says which article already has it."""
    from tests.factories import EditionFactory

    EditionFactory(year=2024, month=6)
    source = tmp_path / "monsoon.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    call_command("import_article", str(source))
    assert "already exists" not in capsys.readouterr().out

    call_command("import_article", str(source))

    first, _ = Article.objects.order_by("pk")
    assert (f"check: an article with this title already exists: {settings.SITE_URL}/admin/articles/article/"
            f"{first.pk}/change/" in capsys.readouterr().out)


@pytest.mark.django_db
def test_import_command_fails_clearly_and_non_zero(tmp_path):
    """A digest or a missing file makes the command exit non-zero with the reason."""
    digest = tmp_path / "digest.txt"
    digest.write_text("Daily digest\nOne\nRead more\nTwo\nRead more\n", encoding="utf-8")

    with pytest.raises(CommandError, match="2 of 2 file"):
        call_command("import_article", str(digest), str(tmp_path / "missing.docx"))
    assert not Article.objects.exists()
