"""The editorial queues, listed once: the admin home's "Your desk" and the article list's "queue" filter
both read QUEUES, so a count on the desk always equals the length of the list it links to."""

from dataclasses import dataclass
from typing import Callable

from . import twins
from .roles import PUBLISH, REVIEW


@dataclass(frozen=True)
class Queue:
    key: str  # the ?queue= value in the article list's address
    label: str
    articles: Callable  # (articles queryset, user) → the queue's articles
    permission: str | None = None  # who sees the queue; None: everyone who may view articles

    def shown_to(self, user):
        return user.is_active and (self.permission is None or user.has_perm(self.permission))


QUEUES = [
    Queue("review", "Awaiting my review", lambda articles, user: articles.awaiting_review_by(user), REVIEW),
    Queue("sent_back", "Sent back to me: changes requested",
          lambda articles, user: articles.drafts_of(user).changes_requested()),
    Queue("mine", "My drafts", lambda articles, user: articles.drafts_of(user)),
    Queue("approved", "Approved, not yet scheduled", lambda articles, user: articles.approved_unscheduled(), PUBLISH),
    Queue("upcoming", "Scheduled to go live", lambda articles, user: articles.going_live()),
    Queue("behind", "Hindi behind English", lambda articles, user: twins.behind_english(articles)),
]


def queues_for(user):
    return [queue for queue in QUEUES if queue.shown_to(user)]


def queue_named(key, user):
    return next((queue for queue in queues_for(user) if queue.key == key), None)
