import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (rate-limit counters live there), also on a shared Redis."""
    cache.clear()
    yield


@pytest.fixture
def migrated_data(transactional_db):
    """Transactional tests empty the database after each test: put back what the data migrations
    provide (the syllabus and the role groups)."""
    from django.apps import apps

    from articles.roles import ROLE_PERMISSIONS as ARTICLE_ROLES
    from articles.syllabus import seed_syllabus
    from coaching.roles import sync_role_groups
    from enquiries.roles import ROLE_PERMISSIONS as ENQUIRY_ROLES

    seed_syllabus(apps)
    sync_role_groups(apps, {**ARTICLE_ROLES, **ENQUIRY_ROLES})
