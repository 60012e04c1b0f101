from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.urls import include, path
from django.views.decorators.cache import cache_control
from django.views.generic import TemplateView

from . import health, two_factor, views
from .two_factor import StaffSignInForm

admin.site.site_header = "Coaching CMS"
admin.site.site_title = "Coaching CMS admin"
admin.site.index_title = "Back office"
admin.site.login_form = StaffSignInForm


def image_uploads_are_off(request):
    """Where CKEditor would send a pasted or dropped image. Articles carry no uploaded images (nothing shows
    them and every staff role could fill the disk), so the editor is told why instead."""
    return JsonResponse({"error": {"message": "Image uploads are turned off: articles are text; describe the "
                                              "figure or link to its source instead."}}, status=403)


def favicon(request):
    """Browsers ask for /favicon.ico on every page, admin included."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


handler400 = "coaching.outage.bad_request"
handler500 = "coaching.outage.server_error"

urlpatterns = [
    path("favicon.ico", favicon),
    path(f"{settings.ADMIN_PATH}two-factor/", two_factor.setup, name="two_factor"),
    path(settings.ADMIN_PATH, admin.site.urls),
    path("ckeditor5/image_upload/", image_uploads_are_off, name="ckeditor_uploads_off"),
    path("healthz", health.healthz, name="healthz"),
    path(
        "robots.txt",
        cache_control(max_age=86400)(TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
        name="robots",
    ),
] + i18n_patterns(
    # The student-facing site, in English at / and in Hindi under /hi/ (the same paths after the prefix).
    path("", include("enquiries.urls")),
    path("practice/history/", views.device_history, name="device_history"),
    path("", include("practice.urls")),
    path("", include("answers.urls")),
    path("", include("articles.urls")),
    prefix_default_language=False,
)
