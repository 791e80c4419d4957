"""Rescheduling and cancelling, by either side, with a reason; never once the time has passed."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.interviews import notices
from maillage.interviews.models import Interview, InterviewEvent, InterviewSlot, InterviewStatus
from maillage.interviews.services.parties import is_employer_of, require_party
from maillage.interviews.services.transitions import (
    InterviewError,
    interview_lock,
    interview_move,
)


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
    was_scheduled = interview.status == InterviewStatus.SCHEDULED
    if was_scheduled and interview.slot.starts_at <= now:
        raise InterviewError(
            _("The interview time has passed: the employer records its outcome instead."),
            code="past",
        )
    booked = interview.slot
    _release(interview, by=by, now=now)
    interview_move(interview, InterviewStatus.CANCELLED)
    interview.save()
    InterviewEvent.objects.create(
        interview=interview, kind=InterviewEvent.Kind.CANCELLED, by=by, reason=reason
    )
    interview.slot = booked
    notices.cancelled(interview, by=by, reason=reason, was_scheduled=was_scheduled)
    interview.slot = None
    return interview
