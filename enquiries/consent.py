"""The data-protection notice a student agrees to (DPDP Act 2023). Changing the text means a new version:
each lead stores the version it was shown."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# 2026-11: a practice score is shared only when the student ticks "share my score".
# 2026-12: Mains answers: who reads them, the email for the review, deletion and how long they are kept;
# what the site counts of reading.
NOTICE_VERSION = "2026-12"
ANSWER_RETENTION_DAYS = 365  # `purge_answers --older-than 365`, run daily (README, "Data protection")
RETENTION_DAYS = 730
BACKUP_DAYS = 30  # how long a backup file is kept (README, "Backups"); erased details leave backups with it

NOTICE_ITEMS = [
    (_("What we keep"), _("Your name, mobile number, email (if given), the course, mode and city you chose, "
                          "your message, and the page you enquired from.")),
    (_("Practice scores"), _("If you ask for a call from a Prelims practice result, the counsellor sees your score "
                             "on that quiz only when you tick “share my score”; your practice attempts are "
                             "otherwise anonymous and never linked to you.")),
    (_("Mains answers"), format_lazy(_(
        "An answer you write for review is kept behind a private link that only you hold, and read by our "
        "faculty to mark it; they never see your contact details. An email address given with it is used "
        "only to tell you the review is ready, and marks reach a counsellor only if you tick “share”. You can "
        "delete an answer, photos included, from its page at any time; we delete answers {days} days after "
        "they were sent."), days=ANSWER_RETENTION_DAYS)),
    (_("What the site counts"), _("How many times each article is read each day, and from which kind of page "
                                  "(the home page, a search, another site …). No cookie is used for it, and "
                                  "nothing about you — not your address, your device or your browser — is "
                                  "kept or sent to anyone.")),
    (_("Why"), _("Only so that a counsellor can call you back about our courses and follow up on your enquiry.")),
    (_("Who sees it"), _("Our counselling team. We do not sell or share it with anyone else.")),
    (_("How long"), format_lazy(_("Up to {years} years after your last enquiry, then it is erased."),
                                years=RETENTION_DAYS // 365)),
    (_("Your choice"), _("You can withdraw consent and have your data erased at any time: call us or write to "
                         "us, and we erase it.")),
]
