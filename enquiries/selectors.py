"""Who works the leads: the reads that the services, the admin's pickers and the round-robin share."""

from django.contrib.auth import get_user_model

from .roles import COUNSELLING_MANAGER, COUNSELLOR


def counsellors():
    """Active counsellor logins, in a fixed order: round-robin hands new leads to these."""
    return get_user_model().objects.filter(is_active=True, is_staff=True, groups__name=COUNSELLOR).order_by("pk")


def lead_owners():
    """Who may own a lead: active staff in a counselling role (counsellors and counselling managers). Every
    owner dropdown and every assignment reads this."""
    return (get_user_model().objects.filter(is_active=True, is_staff=True,
                                            groups__name__in=[COUNSELLOR, COUNSELLING_MANAGER])
            .distinct().order_by("pk"))
