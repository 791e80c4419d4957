"""The candidate picks a time: the slot is locked, checked free and booked in one transaction, and
the interview's unique `slot` makes a double booking impossible even if two requests race."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.accounts.time_zones import person_datetime
from maillage.core.video_rooms import video_room_name
from maillage.interviews import notices
from maillage.interviews.models import (
    Interview,
    InterviewEvent,
    InterviewSlot,
    InterviewStatus,
    VideoKind,
)
from maillage.interviews.services.parties import require_candidate
from maillage.interviews.services.transitions import (
    InterviewError,
    interview_lock,
    interview_move,
)


def slot_taken_error() -> InterviewError:
    """Built when raised, so it speaks the language of the request (not the one at import)."""
    return InterviewError(
        _("This time was just taken by another candidate. Choose another one."), code="taken"
    )


@transaction.atomic
def interview_slot_pick(
    *, interview: Interview, slot_id, by: User, now: datetime | None = None
) -> Interview:
    now = now or timezone.now()
    interview = interview_lock(interview)
    require_candidate(interview, by)
    if interview.status == InterviewStatus.SCHEDULED:
        raise InterviewError(
            _("You already chose a time. To change it, reschedule the interview."),
            code="already_scheduled",
        )
    if interview.status != InterviewStatus.AWAITING_CANDIDATE:
        raise InterviewError(
            _("This interview is not waiting for you to choose a time."), code="not_open"
        )
    slot = (
        InterviewSlot.objects.select_for_update()
        .filter(public_id=slot_id, offered_in=interview)
        .first()
    )
    if slot is None or slot.withdrawn_at is not None:
        raise InterviewError(_("This time is no longer offered. Choose another one."), code="gone")
    if slot.starts_at <= now:
        raise InterviewError(_("This time has passed. Choose another one."), code="past")
    if Interview.objects.filter(slot=slot).exists():
        raise slot_taken_error()
    clash = (
        Interview.objects.filter(
            proposal__candidate_id=interview.proposal.candidate_id,
            status=InterviewStatus.SCHEDULED,
            slot__starts_at__lt=slot.ends_at,
            slot__ends_at__gt=slot.starts_at,
        )
        .select_related("slot")
        .first()
    )
    if clash is not None:
        raise InterviewError(
            _("You already have an interview at that time (%(time)s). Choose another time.")
            % {
                "time": person_datetime(
                    clash.slot.starts_at, time_zone=by.time_zone, language=by.language
                )
            },
            code="double_booking",
        )
    interview_move(interview, InterviewStatus.SCHEDULED)
    interview.slot = slot
    interview.scheduled_at = now
    interview.calendar_sequence += 1
    interview.reminder_24h_sent_at = interview.reminder_1h_sent_at = None
    if interview.video_kind == VideoKind.JITSI and not interview.room_name:
        interview.room_name = video_room_name(prefix="maillage-entrevue")
    try:
        with transaction.atomic():
            interview.save()
    except IntegrityError as exc:  # another transaction booked the slot first
        raise slot_taken_error() from exc
    InterviewEvent.objects.create(interview=interview, kind=InterviewEvent.Kind.SLOT_PICKED, by=by)
    notices.scheduled(interview)
    return interview
