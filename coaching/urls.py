from django.contrib import admin
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

admin.site.site_header = "Coaching CMS"
admin.site.site_title = "Coaching CMS admin"
admin.site.index_title = "Back office"


@require_GET
def healthz(request):
    """Answers load balancers; touches the database so a dead connection shows as unhealthy."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


def favicon(request):
    """Browsers ask for /favicon.ico on every page, admin included."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


urlpatterns = [
    path("favicon.ico", favicon),
    path("admin/", admin.site.urls),
    path("ckeditor5/", include("django_ckeditor_5.urls")),
    path("healthz", healthz, name="healthz"),
    path(
        "robots.txt",
        cache_control(max_age=86400)(TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
        name="robots",
    ),
    path("", include("enquiries.urls")),
    path("", include("articles.urls")),
]
