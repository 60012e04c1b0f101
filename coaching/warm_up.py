"""Get a freshly loaded site ready to serve, before any worker is forked from it.

gunicorn loads the site once in its master (preload_app) and forks workers from it, also whenever it
recycles one. Whatever Django would otherwise build on a worker's first requests (compiled templates, the
URL patterns' reverse index, the static files manifest) is built here once, in the master, so a new worker
answers its first request as fast as its thousandth instead of making students queue behind it."""

from django.conf import settings
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import get_resolver


def warm_up():
    """Compile the site's own templates, index its URLs and read the static manifest. Touches no database
    or cache: connections opened here would be shared by every forked worker."""
    for directory in settings.TEMPLATES[0]["DIRS"]:
        for path in sorted(directory.rglob("*.html")):
            get_template(str(path.relative_to(directory)))
    get_resolver().reverse_dict  # noqa: B018 (building it is the point)
    static("css/site.css")
