"""Leads and the ways they reach the institute. This issue holds the call-us numbers."""

from django.core.exceptions import ValidationError
from django.db import models

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


class PhoneLink:
    """A number as it is printed in the header: its tel: target and the text shown."""

    __slots__ = ("tel", "text", "continues_previous")

    def __init__(self, tel, text, continues_previous):
        self.tel, self.text, self.continues_previous = tel, text, continues_previous


# Numbers that share all but at most this many trailing digits print as "+91 9606900005 / 04".
SHARED_TAIL_MAX = 3
SHORT_TAIL = 2


def call_us_links(numbers):
    """Print a run of numbers the way the institute writes them: "+91 9606900005 / 04".

    A number that differs from the previous printed one only in its last few digits shows just those
    digits (at least two), yet keeps its own full tel: link.
    """
    links = []
    previous = None
    for number in numbers:
        digits = number.national_number
        tail = _differing_tail(previous, digits) if previous else None
        if tail is not None:
            links.append(PhoneLink(number.number, digits[-max(tail, SHORT_TAIL):], True))
        else:
            links.append(PhoneLink(number.number, f"+91 {digits}", False))
            previous = digits
    return links


def _differing_tail(first, other):
    if len(first) != len(other) or first == other:
        return None
    shared = 0
    while first[shared] == other[shared]:
        shared += 1
    tail = len(other) - shared
    return tail if tail <= SHARED_TAIL_MAX else None
