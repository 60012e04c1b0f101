import time

import pytest
from django.core import signing

from enquiries.forms import FORM_CLOCK_SALT
from tests.factories import CourseFactory


@pytest.fixture
def course(db):
    return CourseFactory()


@pytest.fixture
def form_data(course):
    """What a real student's browser posts after a minute on the form; override any field."""

    def make(**overrides):
        data = {
            "name": "Aditi Sharma", "phone": "98765 43210", "email": "aditi@example.com", "course": course.pk,
            "mode": "online", "city": "Jaipur", "message": "Is there a weekend batch?", "consent": "on",
            "website": "", "started": signing.dumps(time.time() - 60, salt=FORM_CLOCK_SALT),
            "source_page": "", "referrer": "",
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    return make
