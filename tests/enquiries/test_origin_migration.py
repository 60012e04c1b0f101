"""Leads stored before they recorded where they came from are given their origin by the migrations."""

import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

BEFORE = [("enquiries", "0009_consent_by"), ("practice", "0005_match_list")]
AFTER = [("enquiries", "0010_origin"), ("practice", "0006_leads_from_practice_results")]


@pytest.mark.django_db(transaction=True)
def test_existing_leads_are_given_the_origin_their_page_channel_and_article_say(migrated_data):
    """A call logged by staff came from staff, a web lead from an article's page from the article, one from a
    practice result's page from practice, the rest from the form."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Enquiry, Article = old.get_model("enquiries", "Enquiry"), old.get_model("articles", "Article")  # noqa: N806
    article = Article.objects.create(title="Quad summit", slug="quad-summit", context="Leaders met.")
    for name, extra in [("Call", {"channel": "phone"}), ("Form", {"source_page": "/papers/gs2/"}),
                        ("Article", {"source_page": "/articles/quad-summit/", "source_article": article}),
                        ("Practice", {"source_page": reverse("practice:attempt", args=[uuid.uuid4()]),
                                      "source_article": article})]:
        Enquiry.objects.create(name=name, phone=f"+9198765432{len(name):02d}", **extra)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)

    new = executor.loader.project_state(AFTER).apps.get_model("enquiries", "Enquiry")
    assert dict(new.objects.values_list("name", "origin")) == {
        "Call": "staff", "Form": "form", "Article": "article", "Practice": "practice"}
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
