"""Demo step of interviews, through their services, on the proposals the prequalification step
short-listed: on the demo employer's first posting one interview is set and one, held six weeks
ago, ended in a hire (placement and follow-ups); the demo candidate has times to choose from."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

from maillage.accounts.models import User
from maillage.core.demo_steps import DemoContext, DemoStage, DemoStep
from maillage.employers.models import PostingStatus
from maillage.interviews.models import Interview, Outcome
from maillage.interviews.services import (
    HireDetails,
    SlotChoice,
    interview_invite,
    interview_outcome_record,
    interview_slot_pick,
)
from maillage.prequalification.models import Proposal, ProposalStatus

QUEBEC = ZoneInfo(settings.TIME_ZONE)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=QUEBEC)


def _invite_and_pick(proposal: Proposal, employer: User, starts: datetime, now: datetime):
    interview = interview_invite(
        proposal=proposal, by=employer, slots=SlotChoice(starts=[starts]), now=now
    )
    slot = interview.offered_slots.get()
    return interview_slot_pick(
        interview=interview, slot_id=slot.public_id, by=proposal.candidate.user, now=now
    )


def build_interviews_demo(context: DemoContext) -> int:
    """Add the interviews; returns how many were created."""
    employer = User.objects.select_related("company_membership__company").get(
        email=context.employer_email
    )
    company = employer.company_membership.company
    posting = company.postings.filter(status=PostingStatus.PUBLISHED).order_by("pk").first()
    shortlisted = list(
        Proposal.objects.filter(posting=posting, status=ProposalStatus.SHORTLISTED)
        .exclude(candidate__user__email=context.candidate_email)
        .select_related("candidate__user", "posting__municipality__region")
        .order_by("-pk")[:2]
    )
    if len(shortlisted) < 2:
        return 0
    scheduled, hired = shortlisted
    now = _at(context.today, 8)  # the demo's day, not the clock: benchmarks pass a fixed one
    _invite_and_pick(scheduled, employer, _at(context.today + timedelta(days=2), 13), now)

    held_at = _at(context.today - timedelta(days=45), 10)
    done = _invite_and_pick(hired, employer, held_at, held_at - timedelta(days=4))
    interview_outcome_record(
        interview=done,
        by=employer,
        outcome=Outcome.HIRED,
        hire=HireDetails(
            start_date=context.today - timedelta(days=30),
            position=posting.title,
            municipality=posting.municipality,
        ),
        now=held_at + timedelta(hours=3),
    )

    # The demo candidate chooses a time.
    waiting = (
        Proposal.objects.filter(
            candidate__user__email=context.candidate_email, status=ProposalStatus.SHORTLISTED
        )
        .select_related("posting__company")
        .first()
    )
    if waiting is None:
        return 2
    inviter = waiting.posting.company.members.select_related("user").order_by("pk").first().user
    interview_invite(
        proposal=waiting,
        by=inviter,
        slots=SlotChoice(
            starts=[
                _at(context.today + timedelta(days=4), 10),
                _at(context.today + timedelta(days=5), 15),
            ]
        ),
        message="Au plaisir de vous rencontrer!",
        now=now,
    )
    return Interview.objects.count()


DEMO = DemoStep(DemoStage.PATH, build_interviews_demo)
