import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coaching.settings")
application = get_wsgi_application()

from coaching.checks import refuse_to_start_misconfigured  # noqa: E402 (needs the loaded settings and apps)

refuse_to_start_misconfigured()
