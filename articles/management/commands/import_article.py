from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from articles import workflow
from articles.importing.drafts import articles_titled_like, create_draft, current_syllabus, read_article
from articles.importing.recognition import ImportRefused


def admin_url(article):
    return settings.SITE_URL + reverse("admin:articles_article_change", args=[article.pk])


class Command(BaseCommand):
    help = ("Import articles from plain text, HTML or .docx files as drafts; print each admin URL (and the "
            "public URL with --publish).")

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--publish", action="store_true",
                            help="Take each imported article through review to published (needs --user's rights).")
        parser.add_argument("--user", help="Username recorded as author and as the one who publishes; "
                                           "default: the first active superuser.")

    def handle(self, *args, paths, publish, user, **options):
        person = self.person(user)
        syllabus = current_syllabus()
        failures = 0
        for path in paths:
            try:
                article = self.import_one(Path(path), syllabus, person, publish)
            except CommandError as error:
                failures += 1
                self.stderr.write(f"{path}: {error}")
                continue
            self.stdout.write(f"{path}: {admin_url(article)}")
            if publish:
                self.stdout.write(f"{path}: {settings.SITE_URL}{article.get_absolute_url()}")
        if failures:
            raise CommandError(f"{failures} of {len(paths)} file(s) could not be imported.")

    def person(self, username):
        User = get_user_model()
        if username:
            found = User.objects.filter(username=username, is_active=True).first()
            if found is None:
                raise CommandError(f"No active user called “{username}”.")
            return found
        return User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()

    def import_one(self, path, syllabus, person, publish):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"cannot read the file ({error.strerror}).") from None
        try:
            parsed = read_article(path.name, data, syllabus, may_open_edition=True)
        except ImportRefused as error:
            raise CommandError(str(error)) from None
        duplicates = list(articles_titled_like(parsed.title)[:3])
        article = create_draft(parsed, author=person, create_edition=True)  # the operator may open a month
        for existing in duplicates:
            self.stdout.write(f"{path}: check: an article with this title already exists: {admin_url(existing)}")
        for line in parsed.report.guessed + parsed.report.attention:
            self.stdout.write(f"{path}: check: {line}")
        if publish:
            if person is None:
                raise CommandError("--publish needs a user who may publish (--user), and there is no superuser.")
            try:
                for move in ("submit", "approve", "publish"):
                    workflow.apply(article, move, person)
            except (ValidationError, PermissionDenied) as error:
                reasons = error.messages if isinstance(error, ValidationError) else [str(error)]
                raise CommandError(f"imported as a draft ({admin_url(article)}) but not published: "
                                   f"{' '.join(reasons)}") from None
            article.refresh_from_db()
        return article
