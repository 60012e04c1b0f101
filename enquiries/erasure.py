"""Erasing a person reaches past their own leads: any free text on the site that holds their mobile number
(however it was typed) or email address is blanked too. This module finds such text; `enquiry_erase` uses
it on the leads' own tables, and other apps' free text (students' problem reports in practice) is blanked
by receivers of `person_erased`, connected by the project (coaching/apps.py)."""

import re
from dataclasses import dataclass

from django.dispatch import Signal

from .phones import national_digits

# Sent inside the erasure's transaction with `person`, a Person: a receiver blanks its own app's free text
# that mentions them (`person.blank_mentions(queryset, field)`), so it is erased together or not at all.
person_erased = Signal()

# Digits as people write them between others in a number: spaces, dashes, dots, brackets, a leading "+".
_NUMBER = re.compile(r"\+?\d[\d\s().-]{8,}\d")
REMOVED = "(Removed: it named a person whose data was erased on request.)"


@dataclass(frozen=True)
class Person:
    phones: frozenset  # E.164, as stored on their leads
    emails: frozenset  # lower case

    @classmethod
    def of(cls, leads):
        return cls(frozenset(lead.phone for lead in leads if lead.phone),
                   frozenset(lead.email.strip().lower() for lead in leads if lead.email.strip()))

    def __bool__(self):
        return bool(self.phones or self.emails)

    def is_mentioned_in(self, text):
        """Whether `text` holds one of the emails (any case) or one of the numbers with or without +91 or 0
        in front, grouped with any separators ("98765 43210", "+91-98765-43210", "(0)9876543210")."""
        lowered = (text or "").lower()
        if any(email in lowered for email in self.emails):
            return True
        nationals = {national_digits(phone) for phone in self.phones}
        for written in _NUMBER.findall(text or ""):
            digits = re.sub(r"\D", "", written)
            if any(digits.endswith(national) and len(digits) - len(national) <= 3 for national in nationals):
                return True
        return False

    def blank_mentions(self, queryset, field, replacement=REMOVED):
        """Replace `field` on every row of `queryset` whose text mentions the person (with `replacement`, a
        note that something was removed); return how many. Rows are narrowed in the database by the numbers'
        last four digits and the emails, then checked here."""
        from django.db.models import Q

        narrowed = Q(pk__in=[])
        for phone in self.phones:
            narrowed |= Q(**{f"{field}__contains": phone[-4:]})
        for email in self.emails:
            narrowed |= Q(**{f"{field}__icontains": email})
        matching = [row.pk for row in queryset.filter(narrowed).only("pk", field)
                    if self.is_mentioned_in(getattr(row, field))]
        return queryset.model.objects.filter(pk__in=matching).update(**{field: replacement})
