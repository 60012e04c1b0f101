from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoachingConfig(AppConfig):
    """The project's own app: wiring that spans the other apps (role groups, demo content)."""

    name = "coaching"
    verbose_name = "Coaching CMS"

    def ready(self):
        from answers.importing import questions_from_import
        from answers.services import erase_answers_of
        from articles.importing.drafts import article_imported
        from enquiries.erasure import person_erased
        from practice.services import blank_reports_naming

        from . import checks  # noqa: F401 (registers the production checks)
        from .page_cache import watch_public_content
        from .roles import sync_role_groups

        watch_public_content()
        person_erased.connect(blank_reports_naming, dispatch_uid="coaching.blank_practice_reports")
        person_erased.connect(erase_answers_of, dispatch_uid="coaching.erase_answers")
        article_imported.connect(questions_from_import, dispatch_uid="coaching.mains_questions_from_import")

        # Sent once per app after every migrate (and after a test database is flushed); this app is
        # listed last, so by its signal every app's permissions exist.
        post_migrate.connect(sync_role_groups, sender=self, dispatch_uid="coaching.sync_role_groups")
