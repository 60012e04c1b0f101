"""Leads followed up before they kept their funnel steps are given them by the migration."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("enquiries", "0011_answer_origin")]
AFTER = [("enquiries", "0012_funnel_steps")]


@pytest.mark.django_db(transaction=True)
def test_existing_leads_take_their_steps_from_their_earliest_follow_ups(migrated_data):
    """A lead with two demos and an enrolment is interested from the first demo and enrolled at the
    enrolment; one only called back reached neither step."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Enquiry, FollowUp = old.get_model("enquiries", "Enquiry"), old.get_model("enquiries", "FollowUp")  # noqa: N806
    now = timezone.now()
    keen = Enquiry.objects.create(name="Keen", phone="+919876543201")
    unsure = Enquiry.objects.create(name="Unsure", phone="+919876543202")
    for lead, hours_ago, outcome in ((keen, 20, "demo_booked"), (keen, 30, "demo_booked"), (keen, 4, "enrolled"),
                                     (unsure, 10, "call_back")):
        FollowUp.objects.create(enquiry=lead, at=now - timedelta(hours=hours_ago), outcome=outcome)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)

    new = executor.loader.project_state(AFTER).apps.get_model("enquiries", "Enquiry")
    assert {name: (interested, enrolled) for name, interested, enrolled in
            new.objects.values_list("name", "interested_at", "enrolled_at")} == {
        "Keen": (now - timedelta(hours=30), now - timedelta(hours=4)), "Unsure": (None, None)}
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
