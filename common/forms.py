"""Helpers for forms that every app's views and admin share."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT, ManagementForm


def row_id(raw):
    """A row's id from an address or a form, or None for anything that cannot be one (words, a number too big
    for the database's integers, which SQLite refuses with an OverflowError)."""
    raw = str(raw or "")
    return int(raw) if raw.isdigit() and len(raw) < 12 else None


def errors_onto(form, error: ValidationError):
    """Put a service's ValidationError on the form it came from, each message on its field (messages for no
    field of the form go above it), so the page says what to change and keeps what was typed."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


class InlineLeftAsItIsWhenAbsent(forms.BaseInlineFormSet):
    """An inline that another app adds to a page (the article's Prelims and Mains questions): a form sent
    without its block at all (a script, a page from before the inline existed) leaves its rows as they are,
    instead of failing for want of the block's bookkeeping fields."""

    @property
    def management_form(self):
        if self.is_bound and f"{self.prefix}-{TOTAL_FORM_COUNT}" not in self.data:
            form = ManagementForm(auto_id=self.auto_id, prefix=self.prefix,
                                  data={f"{self.prefix}-{TOTAL_FORM_COUNT}": 0,
                                        f"{self.prefix}-{INITIAL_FORM_COUNT}": 0})
            form.full_clean()
            return form
        return super().management_form
