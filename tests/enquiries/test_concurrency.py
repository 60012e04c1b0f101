from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.test import Client

from enquiries.models import Activity, Enquiry

# Threads need committed rows: a database emptied after each test, with the syllabus put back.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("migrated_data")]


def submit_in_parallel(form_data, phones, workers=10):
    """Post one enquiry per phone from as many threads, each from its own address; return the status codes."""

    def submit(index_phone):
        index, phone = index_phone
        try:
            return Client().post("/enquiry/", form_data(phone=phone), REMOTE_ADDR=f"10.1.{index // 250}.{index % 250}")
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return [response.status_code for response in pool.map(submit, enumerate(phones))]


def test_fifty_parallel_enquiries_from_distinct_phones_store_fifty_leads(form_data, counsellors):
    """Fifty students submitting at once give exactly fifty leads, shared evenly between the counsellors."""
    codes = submit_in_parallel(form_data, [f"+9198765{n:05d}" for n in range(50)])

    assert codes == [302] * 50
    assert Enquiry.objects.count() == 50
    owners = list(Enquiry.objects.values_list("owner__username", flat=True))
    assert sorted(owners.count(name) for name in ("asha", "bala", "chitra")) == [16, 17, 17]


def test_twenty_parallel_enquiries_from_one_phone_end_as_one_lead(form_data, counsellors, settings):
    """The same phone twenty times at once gives one lead carrying twenty enquiry activities."""
    settings.ENQUIRY_RATE_PER_PHONE = "100/h"

    codes = submit_in_parallel(form_data, ["+919876543210"] * 20)

    assert codes == [302] * 20
    lead = Enquiry.objects.get()
    assert lead.repeat_count == 19
    submissions = Activity.objects.filter(enquiry=lead).exclude(text__startswith="Assigned")
    assert submissions.count() == 20


def test_parallel_enquiries_from_one_phone_past_the_limit_get_the_rate_limit_answer(form_data, counsellors, settings):
    """With the per-phone limit in force, the extra submissions get 429 and the rest merge into one lead."""
    settings.ENQUIRY_RATE_PER_PHONE = "5/h"

    codes = submit_in_parallel(form_data, ["+919876543210"] * 20)

    assert sorted(codes) == [302] * 5 + [429] * 15
    assert Enquiry.objects.get().repeat_count == 4
