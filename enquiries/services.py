"""Every change to a lead, each a keyword-only function named <entity>_<action>: receiving an enquiry (web
form, phone call, walk-in, WhatsApp), recording a follow-up, assigning, setting the status, erasing. The
admin, the public form and the commands only call these; what is allowed and what is recorded is decided
here."""

import logging
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.people import display_name
from common.text import tidy_line
from common.turns import next_in_turn

from .consent import NOTICE_VERSION
from .erasure import Person, person_erased
from .models import Activity, Enquiry, ErasureLog, FollowUp, RoundRobin
from .phones import normalise_indian_phone
from .roles import ERASE, REASSIGN
from .selectors import counsellors, lead_owners

logger = logging.getLogger(__name__)

MERGE_WINDOW = timedelta(days=90)
# A new lead is due for its first call this soon after it arrives, and overdue once that time has passed.
FIRST_CALL_WITHIN = timedelta(hours=2)
UTM_FIELDS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"]
# Direction overrides and isolates can make a name display reversed or hide text around it in the admin
# and in exports ("Trojan Source"); no real name needs them.
# What a follow-up's outcome says about where the lead stands now.
OUTCOME_STATUS = {
    FollowUp.Outcome.ENROLLED: Enquiry.Status.ENROLLED,
    FollowUp.Outcome.NOT_INTERESTED: Enquiry.Status.NOT_INTERESTED,
    FollowUp.Outcome.WRONG_NUMBER: Enquiry.Status.INVALID,
    FollowUp.Outcome.DEMO_BOOKED: Enquiry.Status.VISITED,
}


def enquiry_create(*, name, phone, consent_given, origin=Enquiry.Origin.FORM, channel=Enquiry.Channel.WEB, email="",
                   course=None, mode="",
                   city="", message="", call_us_number=None, source_page="", source_article=None, referrer="",
                   utm=None, owner=None, consent_by="", next_follow_up_at=None):
    """Validate and store an enquiry that came from `origin`; return (lead, created).

    A phone with an open lead from the last 90 days adds a repeat to that lead instead of a new one. A new
    lead goes to the next active counsellor, whom the mail worker emails within seconds, off the request
    path (`notifications.notify_pending`). A lead given an `owner` is one a counsellor logged after talking
    to the person (a call, a walk-in, WhatsApp): it is theirs, sends no mail, and starts as contacted, with
    the next follow-up they set (or none). Consent on such a lead says how it was given (`consent_by`); the
    web form's is its ticked box.
    """
    now = timezone.now()
    try:
        phone = normalise_indian_phone(phone)
    except ValidationError as error:
        raise ValidationError({"phone": error.messages}) from None
    lead = Enquiry(
        name=tidy_line(name), phone=phone, email=(email or "").strip(),
        course=course, mode=mode, city=(city or "").strip(), message=(message or "").strip(), channel=channel, origin=origin,
        call_us_number=call_us_number, source_page=source_page, source_article=source_article,
        referrer=referrer, consent_given=bool(consent_given), created_at=now, last_enquired_at=now,
        next_follow_up_at=now + FIRST_CALL_WITHIN, **{field: (utm or {}).get(field, "")[:100] for field in UTM_FIELDS},
    )
    if channel == Enquiry.Channel.WEB:
        consent_by = Enquiry.ConsentBy.WEB_FORM  # recorded only with the ticked box, which the web requires
    elif consent_given and not consent_by:
        raise ValidationError({"consent_by": "Say how they gave consent (spoken, WhatsApp, a paper form), or "
                                             "record the lead without marketing consent."})
    if consent_given:
        lead.consent_by, lead.consent_notice_version, lead.consent_at = consent_by, NOTICE_VERSION, now
    elif channel == Enquiry.Channel.WEB:
        raise ValidationError({"consent": _("Tick the box to agree, so that we may call you back.")})
    if owner is not None:  # logged after a conversation: the first response has happened
        lead.status, lead.first_response_at, lead.next_follow_up_at = Enquiry.Status.CONTACTED, now, next_follow_up_at
    # The course, article and call-us number handed in were read from the database by the caller (and the
    # foreign keys still guard them), so they are not looked up again; the owner is unset here.
    lead.full_clean(exclude=["owner", "course", "source_article", "call_us_number"])  # pragma: no mutate

    # Read before the transaction, so that the turn's lock below is held for as short a time as possible.
    people = list(counsellors()) if owner is None else []
    with transaction.atomic():
        # One enquiry at a time holds the turn (the round-robin row, locked): two enquiries from one number
        # at once queue here, so the second finds the first and merges, and two new leads never take the
        # same turn. SQLite's IMMEDIATE transactions already run one writer at a time.
        last_owner_id = _hold_the_turn()
        # Only the id at first: nearly every enquiry is a new lead, and a repeat reads the whole lead after.
        existing = (
            Enquiry.objects.open()
            .filter(phone=lead.phone, erased_at__isnull=True, created_at__gte=now - MERGE_WINDOW)
            .order_by("-created_at").values_list("pk", flat=True)
            .first()
        )
        if existing:
            existing = Enquiry.objects.get(pk=existing)
            _add_repeat(existing, lead, now)
            return existing, False
        lead.owner = owner or _next_counsellor(people, last_owner_id)
        if owner is not None:
            lead.notified_at = now  # they logged it themselves: nobody needs telling
        lead.save()
        Activity.objects.bulk_create([Activity(enquiry=lead, at=now, text=_received_line(lead))] + (
            [Activity(enquiry=lead, at=now, text=f"Assigned to {display_name(lead.owner)}.")] if lead.owner else []))
    return lead, True


def _add_repeat(existing, lead, now):
    existing.repeat_count += 1
    existing.last_enquired_at = now
    fields = ["repeat_count", "last_enquired_at"]
    if lead.consent_given:
        existing.consent_given, existing.consent_notice_version, existing.consent_at = True, NOTICE_VERSION, now
        existing.consent_by = lead.consent_by
        fields += ["consent_given", "consent_by", "consent_notice_version", "consent_at"]
    existing.save(update_fields=fields)
    detail = "; ".join(part for part in [lead.course and str(lead.course), lead.message[:120]] if part)
    Activity.objects.create(
        enquiry=existing, at=now,
        text=f"Enquired again ({lead.get_channel_display()}{', ' + detail if detail else ''}).",
    )


def _received_line(lead):
    where = lead.source_article.title if lead.source_article_id else lead.source_page
    if lead.channel == Enquiry.Channel.PHONE and lead.call_us_number_id:
        where = f"call to {lead.call_us_number}"
    return f"Received via {lead.get_channel_display().lower()}" + (f" ({where})." if where else ".")


@transaction.atomic
def leads_return_from(user):
    """Someone who no longer works leads (deactivated, or out of the counselling roles) hands back their open
    leads to the unassigned queue, each noted on its log; return how many."""
    if lead_owners().filter(pk=user.pk).exists():
        return 0
    leads = list(Enquiry.objects.open().filter(owner=user))
    Enquiry.objects.filter(pk__in=[lead.pk for lead in leads]).update(owner=None)
    Activity.objects.bulk_create([Activity(enquiry=lead, text=f"Back in the unassigned queue: {display_name(user)} "
                                                               "no longer works leads.") for lead in leads])
    return len(leads)


def _hold_the_turn():
    """Lock the round-robin row (made with the very first lead) and return who received the last lead."""
    turn = RoundRobin.objects.select_for_update().filter(pk=1).values_list("last_owner_id", flat=True)
    # Reading the row first only spares an insert once it exists, and only two first leads at once can
    # race to make it: neither changes whom a lead goes to (the PostgreSQL run's concurrency tests).
    last_owner_ids = list(turn)  # pragma: no mutate
    if not last_owner_ids:
        RoundRobin.objects.bulk_create([RoundRobin(pk=1)], ignore_conflicts=True)  # pragma: no mutate
        last_owner_ids = list(turn.all())
    return last_owner_ids[0]


def _next_counsellor(people, last_owner_id):
    """The active counsellor after the one who received the last lead, round-robin; it becomes their turn."""
    chosen = next_in_turn(people, last_owner_id)
    if chosen is not None:
        RoundRobin.objects.filter(pk=1).update(last_owner=chosen)
    return chosen



def may_change(user, lead):
    """Counsellors see every lead (so nobody calls a student twice) but change only their own and unassigned
    ones; a counselling manager, who may reassign, changes any."""
    return user.has_perm(REASSIGN) or lead.owner_id in (None, user.pk)


def _refuse_colleagues_leads(by, leads, what):
    if any(not may_change(by, lead) for lead in leads):
        raise PermissionDenied(f"Some of these leads belong to another counsellor; only a counselling manager "
                               f"can {what}.")


NOTE_MAX_LENGTH = Activity._meta.get_field("text").max_length - 40  # room for "Note from <name>: "


def enquiry_add_note(*, enquiry, by, text):
    """A note on any lead, for whoever owns it: a counsellor who spoke to a colleague's student records what
    was said, on the lead's log where the owner reads it, without changing the lead."""
    text = " ".join((text or "").split())
    if not text:
        raise ValidationError({"note": "Write the note first."})
    if len(text) > NOTE_MAX_LENGTH:
        raise ValidationError({"note": f"Keep the note under {NOTE_MAX_LENGTH} characters."})
    return Activity.objects.create(enquiry=enquiry, text=f"Note from {display_name(by)}: {text}")


@transaction.atomic
def follow_up_record(*, enquiry, by, outcome, kind=FollowUp.Kind.CALL, note="", at=None, next_due_at=None):
    """Log a counsellor's contact with a lead and bring the lead up to date with it, together or not at all:
    the first response time, the next due time, and the status the outcome implies."""
    _refuse_colleagues_leads(by, [enquiry], "follow them up")
    follow_up = FollowUp(enquiry=enquiry, by=by, kind=kind, outcome=outcome, note=(note or "").strip(),
                         at=at or timezone.now(), next_due_at=next_due_at)
    follow_up.full_clean()
    follow_up.save()
    lead = Enquiry.objects.select_for_update().get(pk=enquiry.pk)
    status_before = Enquiry.Status(lead.status)
    fields = ["next_follow_up_at", "status"]
    if lead.first_response_at is None:
        lead.first_response_at = follow_up.at
        fields.append("first_response_at")
    lead.next_follow_up_at = follow_up.next_due_at
    if follow_up.outcome in OUTCOME_STATUS:
        lead.status = OUTCOME_STATUS[follow_up.outcome]
    elif follow_up.outcome != FollowUp.Outcome.NO_ANSWER or lead.status != Enquiry.Status.NEW:
        lead.status = Enquiry.Status.FOLLOW_UP if follow_up.next_due_at else Enquiry.Status.CONTACTED
    if not lead.is_open:
        lead.next_follow_up_at = None
    lead.save(update_fields=fields)
    if lead.status != status_before:
        Activity.objects.create(enquiry=lead, at=follow_up.at, text=(
            f"Status {status_before.label.lower()} → {lead.get_status_display().lower()} "
            f"({follow_up.get_kind_display()} by {display_name(by)})."))
    return follow_up


@transaction.atomic
def enquiry_assign(*, leads, owner, by):
    """Give leads to a counsellor (or to nobody), noting it on each lead's log; return how many.

    Anyone who works leads may take unassigned ones or their own; moving a colleague's lead needs the
    manager's permission to reassign.
    """
    leads = list(leads)
    _refuse_colleagues_leads(by, leads, "reassign them")
    if owner is not None and not lead_owners().filter(pk=owner.pk).exists():
        raise PermissionDenied(f"{display_name(owner)} is not an active member of the counselling team: leads go "
                               "only to counsellors and counselling managers.")
    if owner is not None and owner != by and not by.has_perm(REASSIGN):
        raise PermissionDenied("Only a counselling manager can give leads to someone else.")
    for lead in leads:
        lead.owner = owner
        lead.save(update_fields=["owner"])
        to_whom = f"Assigned to {display_name(owner)}" if owner else "Unassigned"
        Activity.objects.create(enquiry=lead, text=f"{to_whom} by {display_name(by)}.")
    return len(leads)


@transaction.atomic
def enquiry_set_status(*, leads, status, by):
    """Move leads to a status, noting it on each lead's log; a closed lead has no follow-up due. Return how many."""
    status = Enquiry.Status(status)
    leads = list(leads)
    _refuse_colleagues_leads(by, leads, "change them")
    pks = [lead.pk for lead in leads]
    closing = {} if status in Enquiry.Status.open_states() else {"next_follow_up_at": None}
    updated = Enquiry.objects.filter(pk__in=pks).update(status=status, **closing)
    Activity.objects.bulk_create(
        [Activity(enquiry_id=pk, text=f"Marked {status.label.lower()} by {display_name(by)}.") for pk in pks])
    return updated


ERASED_NAME = "Erased"


@transaction.atomic
def enquiry_erase(*, leads, by=None, reason):
    """Erase the personal data of these leads on request or at the end of retention, keeping anonymous
    counts (status, channel, course, dates) and a log of what was done. `by` is None for the commands,
    which the operator runs; a person in the admin needs the permission to erase."""
    if by is not None and not by.has_perm(ERASE):
        raise PermissionDenied("Only a counselling manager can erase personal data.")
    # The lock only exists on PostgreSQL (SQLite serialises writers), where the suite also runs.
    erased_ids = []
    leads = list(leads.select_for_update(of=("self",)).filter(erased_at__isnull=True))  # pragma: no mutate
    person = Person.of(leads)
    for lead in leads:
        for field in ["email", "city", "message", "referrer", "source_page", "notify_error", *UTM_FIELDS]:
            setattr(lead, field, "")
        lead.name, lead.phone, lead.erased_at, lead.next_follow_up_at = ERASED_NAME, "", timezone.now(), None
        lead.save()
        lead.follow_ups.update(note="")
        lead.activities.all().delete()
        erased_ids.append(lead.pk)
    if person:
        # Free text elsewhere that holds their number or email: other leads' messages (a friend enquiring
        # for them), counsellors' notes and log lines, and, through person_erased, other apps' text.
        person.blank_mentions(Enquiry.objects.exclude(pk__in=erased_ids), "message", replacement="")
        person.blank_mentions(FollowUp.objects.all(), "note")
        person.blank_mentions(Activity.objects.all(), "text")
        person_erased.send(sender=Enquiry, person=person)
    # The admin's "Recent actions" log keeps a text copy of each object it touched; older entries may name
    # the person.
    LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Enquiry),
                            object_id__in=[str(pk) for pk in erased_ids]).update(object_repr=ERASED_NAME,
                                                                                 change_message="")
    ErasureLog.objects.create(by=by, reason=reason, leads_erased=len(erased_ids))
    logger.info("Erased personal data of %s lead(s): %s", len(erased_ids), reason)
    transaction.on_commit(_flush_deleted_pages)
    return len(erased_ids)


def _flush_deleted_pages():
    """SQLite keeps old page versions in its write-ahead log until a checkpoint: fold them into the database
    (whose secure_delete setting zeroes freed pages) so the erased details are gone from the files too."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
