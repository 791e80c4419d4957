from datetime import timedelta

import factory
from django.utils import timezone

from maillage.interviews.models import Interview, InterviewSlot, InterviewStatus, VideoKind
from maillage.prequalification.models import ProposalStatus
from maillage.prequalification.tests.factories import ProposalFactory


def in_days(days: float, hour: int = 14):
    moment = timezone.now() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class InterviewSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InterviewSlot

    posting = factory.SubFactory("maillage.employers.tests.factories.JobPostingFactory")
    company = factory.LazyAttribute(lambda slot: slot.posting.company)
    starts_at = factory.LazyFunction(lambda: in_days(3))
    ends_at = factory.LazyAttribute(lambda slot: slot.starts_at + timedelta(minutes=30))


class InterviewFactory(factory.django.DjangoModelFactory):
    """An invitation waiting for the candidate to choose among its offered times."""

    class Meta:
        model = Interview
        skip_postgeneration_save = True

    proposal = factory.SubFactory(ProposalFactory, status=ProposalStatus.INVITED)
    status = InterviewStatus.AWAITING_CANDIDATE
    video_kind = VideoKind.JITSI
    created_by = factory.LazyAttribute(
        lambda interview: (
            interview.proposal.posting.company.members.first().user
            if interview.proposal.posting.company.members.exists()
            else None
        )
    )

    @factory.post_generation
    def offered(self, create, extracted, **kwargs):
        if not create:
            return
        for slot in extracted or []:
            self.offered_slots.add(slot)


def scheduled_interview(*, proposal, starts_at, by=None, **extra) -> Interview:
    """An interview whose candidate picked a time (in the past or the future)."""
    slot = InterviewSlotFactory(
        posting=proposal.posting, starts_at=starts_at, ends_at=starts_at + timedelta(minutes=30)
    )
    fields = {
        "status": InterviewStatus.SCHEDULED,
        "room_name": "maillage-entrevue-0123456789abcdef0123456789abcdef",
        "scheduled_at": starts_at - timedelta(days=5),
        "calendar_sequence": 1,
        **extra,
    }
    interview = InterviewFactory(
        proposal=proposal, slot=slot, offered=[slot], created_by=by, **fields
    )
    return interview
