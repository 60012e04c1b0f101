import time

import pytest

from enquiries.forms import form_clock
from tests.factories import CourseFactory, staff_user


@pytest.fixture
def course(db):
    return CourseFactory()


@pytest.fixture
def counsellors(db):
    """Three active counsellors with mail addresses, in the round-robin's order."""
    return [staff_user(name, role="Counsellor", email=f"{name}@example.com") for name in ("asha", "bala", "chitra")]


@pytest.fixture
def form_data(course):
    """What a real student's browser posts after a minute on the form; override any field."""

    def make(**overrides):
        data = {
            "name": "Aditi Sharma", "phone": "98765 43210", "email": "aditi@example.com", "course": course.pk,
            "mode": "online", "city": "Jaipur", "message": "Is there a weekend batch?", "consent": "on",
            "website": "", "started": form_clock(opened_at=time.time() - 60),
            "source_page": "", "referrer": "",
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    return make
