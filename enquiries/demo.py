"""Demo call-us numbers for `manage.py load_demo`."""

from .models import CallUsNumber
from .phones import normalise_indian_phone

DEMO_CALL_US_NUMBERS = [
    ("Admissions desk", "+91 96069 00005"),
    ("Admissions desk (second line)", "9606900004"),
]


def load_call_us_numbers():
    for position, (label, raw) in enumerate(DEMO_CALL_US_NUMBERS, start=1):
        CallUsNumber.objects.update_or_create(
            number=normalise_indian_phone(raw, mobile_only=False),
            defaults={"label": label, "position": position, "is_active": True},
        )
    return len(DEMO_CALL_US_NUMBERS)
