from django.utils.translation import gettext_lazy as _

from enquiries.callbacks import CallbackForm


class CounsellorCallbackForm(CallbackForm):
    """"Talk to a counsellor about your preparation", from a practice result."""

    share_label = _("Share my score on this quiz with the counsellor")
