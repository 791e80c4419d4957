"""Rescheduling and cancelling, by either side, with a reason; never once the time has passed."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from maillage.accounts.models import User
from maillage.interviews import notices
from maillage.interviews.models import Interview, InterviewEvent, InterviewSlot, InterviewStatus
from maillage.interviews.services.parties import is_employer_of, require_party
from maillage.interviews.services.transitions import (
    InterviewError,
    interview_lock,
    interview_move,
)
from maillage.prequalification.models import Proposal


def _require_reason(reason: str) -> str:
    if not reason.strip():
        raise InterviewError(_("Give a reason: the other person will read it."), code="reason")
    return reason.strip()


def _release(interview: Interview, *, by: User, now: datetime) -> InterviewSlot | None:
    """Free the booked time; an employer who cannot make it withdraws it for everyone."""
    slot = interview.slot
    if slot is None:
        return None
    interview.slot = None
    interview.reminder_24h_sent_at = interview.reminder_1h_sent_at = None
    interview.calendar_sequence += 1
    if is_employer_of(interview, by):
        InterviewSlot.objects.filter(pk=slot.pk).update(withdrawn_at=now)
    return slot


def _has_free_offer(interview: Interview, now: datetime) -> bool:
    return interview.offered_slots.filter(
        withdrawn_at__isnull=True, starts_at__gt=now, booking__isnull=True
    ).exists()


@transaction.atomic
def interview_reschedule(
    *, interview: Interview, by: User, reason: str, now: datetime | None = None
) -> Interview:
    now = now or timezone.now()
    interview = interview_lock(interview)
    require_party(interview, by)
    reason = _require_reason(reason)
    if interview.status != InterviewStatus.SCHEDULED:
        raise InterviewError(
            _("Only an interview with a chosen time can be rescheduled."), code="not_scheduled"
        )
    if interview.slot.starts_at <= now:
        raise InterviewError(
            _("The interview time has passed: it can no longer be rescheduled."), code="past"
        )
    booked = interview.slot
    _release(interview, by=by, now=now)
    interview_move(
        interview,
        InterviewStatus.AWAITING_CANDIDATE
        if _has_free_offer(interview, now)
        else InterviewStatus.SLOTS_NEEDED,
    )
    interview.save()
    InterviewEvent.objects.create(
        interview=interview, kind=InterviewEvent.Kind.RESCHEDULED, by=by, reason=reason
    )
    interview.slot = booked  # for the calendar cancellation of the old time
    notices.rescheduled(interview, by=by, reason=reason, was_scheduled=True)
    interview.slot = None
    return interview


def _cancel(interview: Interview, *, by: User, reason: str | Promise, now: datetime) -> None:
    was_scheduled = interview.status == InterviewStatus.SCHEDULED
    booked = interview.slot
    _release(interview, by=by, now=now)
    interview_move(interview, InterviewStatus.CANCELLED)
    interview.save()
    InterviewEvent.objects.create(
        interview=interview, kind=InterviewEvent.Kind.CANCELLED, by=by, reason=str(reason)
    )
    interview.slot = booked
    notices.cancelled(interview, by=by, reason=reason, was_scheduled=was_scheduled)
    interview.slot = None


@transaction.atomic
def interview_cancel(
    *, interview: Interview, by: User, reason: str, now: datetime | None = None
) -> Interview:
    now = now or timezone.now()
    interview = interview_lock(interview)
    require_party(interview, by)
    reason = _require_reason(reason)
    if interview.status in {InterviewStatus.CANCELLED, InterviewStatus.COMPLETED}:
        raise InterviewError(
            _("This interview is already “%(status)s”.")
            % {"status": interview.get_status_display()},
            code="closed",
        )
    if interview.status == InterviewStatus.SCHEDULED and interview.slot.starts_at <= now:
        raise InterviewError(
            _("The interview time has passed: the employer records its outcome instead."),
            code="past",
        )
    _cancel(interview, by=by, reason=reason, now=now)
    return interview


CONSENT_WITHDRAWN = gettext_lazy(
    "The candidate withdrew their consent: their profile is no longer shared."
)


@transaction.atomic
def interviews_cancel_on_withdrawal(
    *, proposal: Proposal, by: User, now: datetime, **signal: object
) -> int:
    """The candidate withdrew their consent (prequalification's `consent_withdrawn`): every interview not
    yet held is cancelled and each side told why, in their own language."""
    count = 0
    pending = Interview.objects.filter(
        proposal=proposal,
        status__in=[
            InterviewStatus.AWAITING_CANDIDATE,
            InterviewStatus.SLOTS_NEEDED,
            InterviewStatus.SCHEDULED,
        ],
    ).order_by("pk")
    for interview in pending:
        interview = interview_lock(interview)
        if interview.status == InterviewStatus.SCHEDULED and interview.slot.starts_at <= now:
            continue  # already held: its outcome is history, not something that follows
        _cancel(interview, by=by, reason=CONSENT_WITHDRAWN, now=now)
        count += 1
    return count
