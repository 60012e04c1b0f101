"""The one way the back office and its mail say when something happens: "27 Nov 2026, 15:30 IST" in the
site's time zone (settings.TIME_ZONE), and "goes live …" / "live since …" for an article's publication."""

from django.utils import timezone


def moment(value):
    """A point in time as staff read it, e.g. "5 Mar 2024, 09:00 IST"; "" for None."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    return f"{local.day} {local:%b %Y, %H:%M %Z}"


def short_moment(value):
    """The same point in a narrow column: "5 Mar, 09:00" this year, "5 Mar 2025, 09:00" in another."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    year = "" if local.year == timezone.localtime().year else f" {local.year}"
    return f"{local.day} {local:%b}{year}, {local:%H:%M}"


def live_phrase(article):
    """ "goes live 1 Apr 2024, 06:00 IST" or "live since …" for an article with a live status; else ""."""
    if article.status not in article.Status.live() or article.published_at is None:
        return ""
    return f"{'live since' if article.is_published else 'goes live'} {moment(article.published_at)}"
