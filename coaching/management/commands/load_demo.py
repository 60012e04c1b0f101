import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.test.utils import override_settings

from answers.demo import demo_answers, load_mains
from answers.roles import EVALUATOR
from articles.demo import load_articles
from articles.demo_twins import load_twins
from articles.roles import EDITOR, TRANSLATOR, WRITER
from enquiries.demo import load_call_us_numbers, load_courses, load_leads
from practice.demo import load_questions
from enquiries.roles import COUNSELLING_MANAGER, COUNSELLOR

# username → (role group, full name); "admin" is the superuser.
DEMO_STAFF = {
    "admin": (None, "Site Administrator"),
    "editor": (EDITOR, "Meera Editor"),
    "writer": (WRITER, "Arjun Writer"),
    "translator": (TRANSLATOR, "Neha Translator"),
    "counsellor": (COUNSELLOR, "Kavya Counsellor"),
    "manager": (COUNSELLING_MANAGER, "Rohan Manager"),
    "evaluator": (EVALUATOR, "Farah Evaluator"),
}


class Command(BaseCommand):
    help = (
        "Load demo content: articles (three with Hindi twins), Prelims and Mains questions, two reviewed "
        "answers, call-us numbers and the staff logins admin, editor, writer, translator, counsellor, manager "
        "and evaluator. Safe to run again. Passwords come from DEMO_PASSWORD, else one is generated and "
        "printed (in DEBUG only)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true",
            help="Load the demo even with DEBUG off (a staging copy; never the institute's live site).")

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG is off, so this looks like the live site: the demo adds fictional articles, leads and seven "
                "staff logins. Run it with --force if this really is a demo or staging copy.")
        given = os.environ.get("DEMO_PASSWORD", "")
        password = given or secrets.token_urlsafe(12)
        # The demo's people are fictional: the workflow's mail to its authors goes nowhere.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"), transaction.atomic():
            users, created = self.load_staff(password, reset=bool(given) or settings.DEBUG)
            articles = load_articles(author=users["writer"], reviewer=users["editor"])
            load_twins(translator=users["translator"], reviewer=users["editor"])
            numbers = load_call_us_numbers()
            courses = load_courses()
            leads = load_leads(counsellors=[users["counsellor"], users["manager"]])
            questions = load_questions()
            mains, reviewed = load_mains(evaluator=users["evaluator"])
        self.stdout.write(self.style.SUCCESS(
            f"Demo content ready: {articles} articles, {questions} Prelims questions, {mains} Mains questions "
            f"with {reviewed} reviewed answers, {numbers} call-us numbers, {courses} courses, {leads} leads."))
        if given or settings.DEBUG or created:
            self.stdout.write(f"Staff logins at {settings.SITE_URL}{reverse('admin:index')}: " + ", ".join(DEMO_STAFF))
        if settings.DEBUG and not given:
            self.stdout.write(f"Password for all of them: {password}   (set DEMO_PASSWORD to choose one)")
        if settings.DEBUG:  # each is a student's private link: shown on a developer's machine only
            self.stdout.write("Reviewed demo answers: " + ", ".join(
                settings.SITE_URL + answer.get_absolute_url() for answer in demo_answers()))
        elif not given and created:
            self.stdout.write("Passwords were generated and not shown (DEBUG is off): set DEMO_PASSWORD and run again.")

    def load_staff(self, password, *, reset):
        User = get_user_model()
        users, created_any = {}, False
        for username, (role, full_name) in DEMO_STAFF.items():
            first, last = full_name.split(" ", 1)
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"first_name": first, "last_name": last, "email": f"{username}@example.com"},
            )
            if created or reset:
                try:
                    validate_password(password, user)
                except ValidationError as error:
                    raise CommandError(f"DEMO_PASSWORD is not accepted for {username}: {' '.join(error.messages)}") \
                        from None
            user.is_staff = True
            user.is_superuser = role is None
            if created or reset:
                user.set_password(password)
            user.save()
            user.groups.set([Group.objects.get(name=role)] if role else [])
            users[username] = user
            created_any = created_any or created
        return users, created_any
