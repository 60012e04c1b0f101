"""Mail to article authors. It is sent after the change commits and a failure never undoes the change."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string

from common.dates import moment

logger = logging.getLogger(__name__)


def changes_requested(article, transition):
    _mail_author(article, f"Changes requested: {article.title}", "articles/email/changes_requested.txt",
                 {"transition": transition})


def going_live(article, transition):
    subject = (f"Published: {article.title}" if article.is_published
               else f"Scheduled for {moment(article.published_at)}: {article.title}")
    _mail_author(article, subject, "articles/email/going_live.txt", {"transition": transition})


def _mail_author(article, subject, template, context):
    author = article.author
    if author is None or not author.email:
        return
    body = render_to_string(template, {"article": article, "author": author, "site_url": settings.SITE_URL, **context})

    def send():
        try:
            send_mail(subject, body, None, [author.email])
        except Exception:  # the workflow change is already saved; a mail outage must not undo it
            logger.exception("Could not email %s about article %s", author.email, article.pk)

    transaction.on_commit(send)
