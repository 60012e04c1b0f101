"""The leads as a spreadsheet: the CSV a manager exports from the lead list, with every cell safe to open."""

from import_export import fields, resources

from common.dates import day
from common.spreadsheets import spreadsheet_safe

from .models import Enquiry

class EnquiryResource(resources.ModelResource):
    course = fields.Field(attribute="course__name", column_name="course")
    owner = fields.Field(attribute="owner__username", column_name="owner")
    source_article = fields.Field(attribute="source_article__title", column_name="source article")
    status = fields.Field(attribute="get_status_display", column_name="status")
    channel = fields.Field(attribute="get_channel_display", column_name="channel")
    follow_up_notes = fields.Field(column_name="follow-ups")

    class Meta:
        model = Enquiry
        fields = [
            "id", "created_at", "name", "phone", "email", "course", "mode", "city", "message", "channel", "status",
            "owner", "follow_up_notes", "source_page", "source_article", "utm_source", "utm_medium", "utm_campaign",
            "repeat_count", "first_response_at", "next_follow_up_at", "consent_notice_version", "consent_at",
        ]
        export_order = fields

    def export_field(self, field, instance, **kwargs):
        return spreadsheet_safe(super().export_field(field, instance, **kwargs))

    def export(self, queryset=None, **kwargs):
        if queryset is not None and hasattr(queryset, "prefetch_related"):
            queryset = queryset.prefetch_related("follow_ups")  # the notes column, without a query per lead
        return super().export(queryset, **kwargs)

    def dehydrate_follow_up_notes(self, lead):
        """Each follow-up with its date, kind, outcome and note, oldest first, in one cell."""
        return " | ".join(
            f"{day(follow_up.at)} {follow_up.get_kind_display()} "
            f"({follow_up.get_outcome_display()})" + (f": {follow_up.note}" if follow_up.note else "")
            for follow_up in sorted(lead.follow_ups.all(), key=lambda follow_up: follow_up.at))
