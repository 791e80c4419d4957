"""Two candidates pick the same time at the same moment, in two real transactions on two
connections: exactly one gets it, the other is told it was taken. PostgreSQL only (SQLite
serialises writers, so it cannot show the race)."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.interviews import services
from maillage.interviews.models import Interview, InterviewStatus
from maillage.interviews.tests.factories import InterviewFactory, InterviewSlotFactory
from maillage.prequalification.tests.factories import ProposalFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_two_candidates_picking_the_same_time_at_once_cannot_both_get_it(reference_data):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: run with DATABASE_URL=postgres://…")
    member = CompanyMemberFactory()
    posting = JobPostingFactory(company=member.company)
    slot = InterviewSlotFactory(posting=posting, starts_at=timezone.now() + timedelta(days=3))
    interviews = [
        InterviewFactory(
            proposal=ProposalFactory(posting=posting, status="invited"),
            created_by=member.user,
            offered=[slot],
        )
        for _ in range(2)
    ]
    barrier = threading.Barrier(2)
    outcomes: dict[int, str] = {}

    def pick(interview: Interview) -> None:
        try:
            barrier.wait(timeout=10)
            services.interview_slot_pick(
                interview=interview,
                slot_id=slot.public_id,
                by=interview.proposal.candidate.user,
            )
            outcomes[interview.pk] = "booked"
        except services.InterviewError as error:
            outcomes[interview.pk] = error.messages[0]
        finally:
            connections.close_all()  # each thread closes its own connection

    threads = [threading.Thread(target=pick, args=(interview,)) for interview in interviews]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()) == [
        "Cette plage vient d'être prise par une autre personne. Choisissez-en une autre.",
        "booked",
    ]
    booked = Interview.objects.filter(slot=slot)
    assert booked.count() == 1
    assert booked.get().status == InterviewStatus.SCHEDULED
    loser = Interview.objects.exclude(slot=slot).get()
    assert (loser.status, loser.room_name) == (InterviewStatus.AWAITING_CANDIDATE, "")


def test_the_database_itself_refuses_a_second_booking_of_a_slot(reference_data):
    """The last line of defence, whatever the code does: Interview.slot is unique."""
    from django.db import IntegrityError, transaction

    member = CompanyMemberFactory()
    posting = JobPostingFactory(company=member.company)
    slot = InterviewSlotFactory(posting=posting)
    first, second = (
        InterviewFactory(proposal=ProposalFactory(posting=posting, status="invited"))
        for _ in range(2)
    )
    Interview.objects.filter(pk=first.pk).update(slot=slot)
    with pytest.raises(IntegrityError), transaction.atomic():
        Interview.objects.filter(pk=second.pk).update(slot=slot)
