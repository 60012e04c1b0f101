import pytest

from practice import services


@pytest.fixture(autouse=True)
def sheets_handed_in_at_machine_speed_may_count(monkeypatch):
    """These tests hand sheets in the moment they open them; the minimum time a counted attempt takes has
    tests of its own (test_gaming.py), which set it back."""
    monkeypatch.setattr(services, "MIN_SECONDS_PER_QUESTION", 0)
