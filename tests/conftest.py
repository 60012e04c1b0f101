from importlib import import_module

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (rate-limit counters live there), also on a shared Redis."""
    cache.clear()
    yield


@pytest.fixture
def migrated_data(transactional_db):
    """Transactional tests empty the database after each test: put back what the syllabus data migration
    provides. (The role groups come back by themselves: the flush sends post_migrate.)"""
    from django.apps import apps

    seed_syllabus = import_module("articles.migrations.0002_seed_syllabus").seed_syllabus
    seed_syllabus(apps)
