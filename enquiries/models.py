"""Leads and the ways they reach the institute: call-us numbers, courses, enquiries and their follow-ups."""

from datetime import timedelta
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.dates import day

from .phones import national_digits, normalise_indian_phone


class CallUsNumberQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(is_active=True).order_by("position", "id")


class CallUsNumber(models.Model):
    """A phone number printed as "Call Us Now" in every page's header."""

    label = models.CharField(max_length=100, blank=True, help_text='Optional, for counsellors, e.g. "Admissions desk".')
    number = models.CharField(
        max_length=20, unique=True,
        help_text="Any way it is usually written (098765 43210, +91-98765-43210); stored as +919876543210.",
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in the header.")
    is_active = models.BooleanField("shown on the site", default=True)

    objects = CallUsNumberQuerySet.as_manager()

    class Meta:
        ordering = ["position", "id"]
        verbose_name = "call-us number"

    def __str__(self):
        return f"+91 {self.national_number}"

    @property
    def national_number(self):
        return national_digits(self.number)

    def clean(self):
        try:
            self.number = normalise_indian_phone(self.number, mobile_only=False)
        except ValidationError as error:
            raise ValidationError({"number": error.messages}) from None


class CourseQuerySet(models.QuerySet):
    def offered(self):
        """The courses a student may choose in the enquiry forms."""
        return self.filter(is_active=True)


class Course(models.Model):
    """A course students enquire about (e.g. "GS Foundation 2026"); data managed in the admin."""

    name = models.CharField(max_length=120, unique=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Order in the enquiry form.")
    is_active = models.BooleanField("offered in the form", default=True)

    objects = CourseQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class EnquiryQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=Enquiry.Status.open_states())

    def of_person(self, phone):
        """Every lead of the person with this mobile number (E.164) whose personal data is still held: what an
        erasure request erases."""
        return self.filter(phone=phone, erased_at__isnull=True)

    # A follow-up is overdue the moment its time has passed; "today" is what is still to come before midnight.
    def due_overdue(self, now=None):
        return self.open().filter(next_follow_up_at__lt=now or timezone.now())

    def due_today(self, now=None):
        now = now or timezone.now()
        return self.open().filter(next_follow_up_at__gte=now,
                                  next_follow_up_at__lt=start_of_today(now) + timedelta(days=1))

    def due_this_week(self, now=None):
        now = now or timezone.now()
        return self.open().filter(next_follow_up_at__gte=now,
                                  next_follow_up_at__lt=start_of_today(now) + timedelta(days=7))


def start_of_today(now=None):
    """Midnight IST today: follow-ups due before the next midnight (and not yet past) are due today."""
    local = timezone.localtime(now or timezone.now())
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


class Enquiry(models.Model):
    """A lead: a person who asked about a course, how they reached us, and the counsellor's work on it."""

    MESSAGE_MAX_LENGTH = 5000

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        FOLLOW_UP = "follow_up", "Follow-up scheduled"
        VISITED = "visited", "Visited / demo"
        ENROLLED = "enrolled", "Enrolled"
        NOT_INTERESTED = "not_interested", "Not interested"
        INVALID = "invalid", "Invalid"

        @classmethod
        def open_states(cls):
            """Leads still being worked; the others are closed."""
            return [cls.NEW, cls.CONTACTED, cls.FOLLOW_UP, cls.VISITED]

    class Channel(models.TextChoices):
        WEB = "web", "Web form"
        PHONE = "phone", "Phone call"
        WALK_IN = "walk_in", "Walk-in"
        WHATSAPP = "whatsapp", "WhatsApp"

    class Mode(models.TextChoices):
        CLASSROOM = "classroom", _("Classroom")
        ONLINE = "online", _("Online")

    name = models.CharField(max_length=100)
    phone = models.CharField(max_length=16, db_index=True, help_text="Indian mobile in E.164, e.g. +919876543210.")
    email = models.EmailField(max_length=254, blank=True)
    course = models.ForeignKey(Course, on_delete=models.PROTECT, null=True, blank=True, related_name="enquiries")
    mode = models.CharField("preferred mode", max_length=20, choices=Mode.choices, blank=True)
    city = models.CharField("city / centre", max_length=80, blank=True)
    message = models.TextField(blank=True, validators=[MaxLengthValidator(MESSAGE_MAX_LENGTH)])

    class ConsentBy(models.TextChoices):
        WEB_FORM = "web_form", "Ticked on the web form"
        SPOKEN = "spoken", "Spoken, after the notice was read out"
        WHATSAPP = "whatsapp", "In writing on WhatsApp"
        PAPER_FORM = "paper_form", "Signed on a paper form"

    consent_given = models.BooleanField(
        "marketing consent", default=False,
        help_text="Whether we may call and message them about our courses. Without it, answer only what they asked.")
    consent_by = models.CharField("consent given", max_length=20, choices=ConsentBy.choices, blank=True)
    consent_notice_version = models.CharField(max_length=20, blank=True)
    consent_at = models.DateTimeField(null=True, blank=True)

    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.WEB, db_index=True)

    class Origin(models.TextChoices):
        """What brought the lead in, as the caller of enquiry_create() says it."""
        FORM = "form", "The enquiry form"
        ARTICLE = "article", "The enquiry form, from an article"
        PRACTICE = "practice", "A Prelims practice result"
        ANSWER = "answer", "A reviewed Mains answer"
        STAFF = "staff", "Logged by staff after a call, visit or message"

    origin = models.CharField("came from", max_length=20, choices=Origin.choices, default=Origin.FORM, db_index=True)
    call_us_number = models.ForeignKey(
        CallUsNumber, on_delete=models.SET_NULL, null=True, blank=True, related_name="enquiries",
        help_text="For phone leads: which of our numbers they called.",
    )
    source_page = models.CharField(max_length=500, blank=True, help_text="The page they enquired from.")
    source_article = models.ForeignKey(
        "articles.Article", on_delete=models.SET_NULL, null=True, blank=True, related_name="enquiries"
    )
    referrer = models.CharField(max_length=500, blank=True)
    utm_source = models.CharField(max_length=100, blank=True)
    utm_medium = models.CharField(max_length=100, blank=True)
    utm_campaign = models.CharField(max_length=100, blank=True)
    utm_term = models.CharField(max_length=100, blank=True)
    utm_content = models.CharField(max_length=100, blank=True)

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="enquiries",
        help_text="The counsellor who calls this lead back.",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    repeat_count = models.PositiveIntegerField(default=0, help_text="How many more times this person enquired.")
    next_follow_up_at = models.DateTimeField(null=True, blank=True, db_index=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    # The funnel's later steps, kept on the lead by its follow-ups (FollowUp.save) so that the funnel adds up
    # a million leads in one table instead of reading their follow-ups.
    interested_at = models.DateTimeField(null=True, blank=True, editable=False,
                                         help_text="The first follow-up that booked a demo or visit, or enrolled.")
    enrolled_at = models.DateTimeField(null=True, blank=True, editable=False,
                                       help_text="The first follow-up that enrolled them.")
    created_at = models.DateTimeField(default=timezone.now)  # indexed with the funnel's fields (Meta)
    last_enquired_at = models.DateTimeField(default=timezone.now)

    notified_at = models.DateTimeField(null=True, blank=True, help_text="When the owner was emailed about the lead.")
    notify_error = models.CharField(max_length=300, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True, help_text="Personal data erased on request or by retention.")

    objects = EnquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "lead"
        indexes = [
            # The mail worker looks for leads whose counsellor has not been told every few seconds: among a
            # million leads, only the few new ones are in this index.
            models.Index(fields=["owner"], condition=models.Q(notified_at__isnull=True, owner__isnull=False),
                         name="enquiry_owner_not_told_idx"),
            # Leads by arrival, carrying what the funnel adds up: on PostgreSQL a range of leads is counted
            # from the index alone, without reading the leads' rows (SQLite keeps a plain index).
            models.Index(fields=["created_at"], name="enquiry_created_funnel_idx",
                         include=["owner", "origin", "status", "first_response_at", "interested_at", "enrolled_at",
                                  "source_article", "erased_at"]),
        ]
        permissions = [
            ("reassign_enquiry", "Can reassign other counsellors' leads"),
            ("export_enquiry", "Can export leads to CSV"),
            ("erase_enquiry", "Can erase a person's personal data"),
        ]

    def __str__(self):
        # Never the person's name: this text is copied into the admin's action log, which erasure must not miss.
        return f"Lead #{self.pk} ({self.get_status_display()})"

    @property
    def is_open(self):
        return self.status in self.Status.open_states()

    def follow_up_urgency(self, now=None):
        """"overdue", "today" or "later" for an open lead's next follow-up, by the same boundaries as the
        due filters; None when nothing is due."""
        if self.next_follow_up_at is None or not self.is_open:
            return None
        now = now or timezone.now()
        if self.next_follow_up_at < now:
            return "overdue"
        return "today" if self.next_follow_up_at < start_of_today(now) + timedelta(days=1) else "later"

    @property
    def national_phone(self):
        return national_digits(self.phone)

    def whatsapp_link(self, counsellor_name, institute):
        """wa.me link that opens a chat with this person, the greeting already typed and naming the course."""
        course = f" about the {self.course.name} course" if self.course_id else ""
        greeting = (f"Namaste {self.name.split()[0] if self.name else ''}, this is {counsellor_name} from "
                    f"{institute}. You enquired{course}; is this a good time to talk?")
        return f"https://wa.me/{self.phone.lstrip('+')}?text={quote(greeting)}"


class Activity(models.Model):
    """A line in a lead's log written by the system: created, repeated, assigned, erased."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="activities")
    at = models.DateTimeField(default=timezone.now)
    text = models.CharField(max_length=300)

    class Meta:
        ordering = ["at", "id"]
        verbose_name_plural = "activities"

    def __str__(self):
        return self.text


class FollowUp(models.Model):
    """A counsellor's contact with a lead: what they did, what came of it, and when to try next."""

    class Kind(models.TextChoices):
        CALL = "call", "Call"
        WHATSAPP = "whatsapp", "WhatsApp"
        VISIT = "visit", "Visit"
        EMAIL = "email", "Email"

    class Outcome(models.TextChoices):
        REACHED = "reached", "Spoke to them"
        NO_ANSWER = "no_answer", "No answer"
        CALL_BACK = "call_back", "Asked to call back"
        DEMO_BOOKED = "demo_booked", "Demo / visit booked"
        ENROLLED = "enrolled", "Enrolled"
        NOT_INTERESTED = "not_interested", "Not interested"
        WRONG_NUMBER = "wrong_number", "Wrong number"

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="follow_ups")
    at = models.DateTimeField("when", default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                           related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CALL)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    note = models.TextField(blank=True, validators=[MaxLengthValidator(2000)])
    next_due_at = models.DateTimeField("next follow-up", null=True, blank=True,
                                       help_text="Leave empty when no further follow-up is needed.")

    class Meta:
        ordering = ["at", "id"]
        verbose_name = "follow-up"

    def __str__(self):
        return f"{self.get_kind_display()}: {self.get_outcome_display()}"

    def save(self, *args, **kwargs):
        """Saved, and the lead's funnel steps moved to this follow-up when it is the first to reach them
        (whoever writes a follow-up, the service, the demo or a spec, the lead stays in step)."""
        super().save(*args, **kwargs)
        for field, outcomes in STAGE_OUTCOMES.items():
            if self.outcome in outcomes:
                (Enquiry.objects.filter(pk=self.enquiry_id)
                 .filter(models.Q(**{f"{field}__isnull": True}) | models.Q(**{f"{field}__gt": self.at}))
                 .update(**{field: self.at}))


# The lead's field each step of the funnel sets, and the follow-up outcomes that reach it.
STAGE_OUTCOMES = {
    "interested_at": [FollowUp.Outcome.DEMO_BOOKED, FollowUp.Outcome.ENROLLED],
    "enrolled_at": [FollowUp.Outcome.ENROLLED],
}


class RoundRobin(models.Model):
    """Who received the last automatically assigned lead. Its one row is locked while an enquiry is stored,
    so enquiries are merged or given their owner one at a time."""

    last_owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")


class ErasureLog(models.Model):
    """What a data-protection erasure or retention purge did, without the personal data itself."""

    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                           related_name="+")
    reason = models.CharField(max_length=200)
    leads_erased = models.PositiveIntegerField()

    class Meta:
        ordering = ["-at"]

    def __str__(self):
        return f"{day(self.at)}: {self.reason} ({self.leads_erased})"
