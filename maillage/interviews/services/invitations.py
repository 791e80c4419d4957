"""The employer invites a short-listed candidate with times; the candidate may ask for others;
the employer proposes more."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.interviews import notices
from maillage.interviews.models import Interview, InterviewEvent, InterviewStatus, VideoKind
from maillage.interviews.services.parties import require_candidate, require_employer
from maillage.interviews.services.slots import slots_create, slots_existing_check
from maillage.interviews.services.transitions import (
    InterviewError,
    interview_lock,
    interview_move,
)
from maillage.prequalification.models import Proposal
from maillage.prequalification.services import proposal_mark_invited


@dataclass(frozen=True)
class SlotChoice:
    """New times (aware datetimes) of one length, and already proposed free times to offer."""

    starts: list[datetime] = field(default_factory=list)
    minutes: int = 30
    existing_ids: list = field(default_factory=list)


def _check_video(video_kind: str, video_url: str) -> str:
    if video_kind not in VideoKind.values:
        raise InterviewError(_("Choose how you meet by video."), code="video_kind")
    if video_kind == VideoKind.LINK:
        if not video_url.strip().lower().startswith("https://"):
            raise InterviewError(
                _("Paste the full meeting link, starting with https://."), code="video_url"
            )
        return video_url.strip()
    return ""


def _offer(interview: Interview, choice: SlotChoice, by: User, now: datetime):
    posting = interview.proposal.posting
    existing = slots_existing_check(posting=posting, slot_ids=choice.existing_ids, now=now)
    new = slots_create(
        posting=posting, by=by, starts=choice.starts, minutes=choice.minutes, now=now
    )
    slots = sorted([*existing, *new], key=lambda slot: slot.starts_at)
    if not slots:
        raise InterviewError(_("Propose at least one time."), code="no_slot")
    interview.offered_slots.add(*slots)
    return slots


@transaction.atomic
def interview_invite(
    *,
    proposal: Proposal,
    by: User,
    slots: SlotChoice,
    video_kind: str = VideoKind.JITSI,
    video_url: str = "",
    message: str = "",
    now: datetime | None = None,
) -> Interview:
    """Invite a short-listed candidate to a video interview, with the times they can choose."""
    now = now or timezone.now()
    proposal = proposal_mark_invited(proposal=proposal, by=by)
    interview = Interview.objects.create(
        proposal=proposal,
        round=1,
        status=InterviewStatus.AWAITING_CANDIDATE,
        video_kind=video_kind,
        video_url=_check_video(video_kind, video_url),
        message=message.strip(),
        created_by=by,
    )
    interview = interview_lock(interview)
    offered = _offer(interview, slots, by, now)
    InterviewEvent.objects.create(interview=interview, kind=InterviewEvent.Kind.INVITED, by=by)
    notices.invited(interview, offered, is_new_round=False)
    return interview


@transaction.atomic
def interview_slots_propose(
    *, interview: Interview, by: User, slots: SlotChoice, now: datetime | None = None
) -> Interview:
    """The employer adds times: after the candidate asked for others, or for a second round."""
    now = now or timezone.now()
    interview = interview_lock(interview)
    require_employer(interview, by)
    if interview.status not in {InterviewStatus.SLOTS_NEEDED, InterviewStatus.AWAITING_CANDIDATE}:
        raise InterviewError(
            _("Times can be proposed only while the candidate has not chosen one."),
            code="not_open",
        )
    offered = _offer(interview, slots, by, now)
    interview_move(interview, InterviewStatus.AWAITING_CANDIDATE)
    interview.save()
    InterviewEvent.objects.create(
        interview=interview, kind=InterviewEvent.Kind.SLOTS_PROPOSED, by=by
    )
    notices.invited(interview, offered, is_new_round=True)
    return interview


@transaction.atomic
def interview_other_slots_request(*, interview: Interview, by: User, message: str) -> Interview:
    """None of the times suits the candidate: they say when they can, the employer proposes."""
    interview = interview_lock(interview)
    require_candidate(interview, by)
    if not message.strip():
        raise InterviewError(
            _("Tell the employer when you are available (days, times, your time zone)."),
            code="message_required",
        )
    if interview.status != InterviewStatus.AWAITING_CANDIDATE:
        raise InterviewError(
            _("You can ask for other times only while you have not chosen one."),
            code="not_open",
        )
    interview_move(interview, InterviewStatus.SLOTS_NEEDED)
    interview.save()
    InterviewEvent.objects.create(
        interview=interview,
        kind=InterviewEvent.Kind.OTHER_SLOTS_REQUESTED,
        by=by,
        reason=message.strip(),
    )
    notices.other_slots_requested(interview, message.strip())
    return interview
