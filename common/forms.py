"""Helpers for forms that every app's views and admin share."""

from django.core.exceptions import ValidationError


def errors_onto(form, error: ValidationError):
    """Put a service's ValidationError on the form it came from, each message on its field (messages for no
    field of the form go above it), so the page says what to change and keeps what was typed."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)
