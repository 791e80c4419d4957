"""The employer invites with times: in the future, never overlapping; the candidate may ask for
others; the employer proposes more."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail

from maillage.interviews import services
from maillage.interviews.models import Interview, InterviewSlot, InterviewStatus
from maillage.interviews.tests.factories import InterviewFactory, InterviewSlotFactory
from maillage.notifications.models import Notification
from maillage.prequalification.models import DecisionLabel, Proposal, ProposalStatus
from maillage.prequalification.services import ProposalError
from maillage.prequalification.tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db

# Noon in Montréal on 2 March 2027 is 18:00 in Paris (winter time on both sides).
NOON_MONTREAL = datetime(2027, 3, 2, 17, 0, tzinfo=UTC)
NOW = datetime(2027, 2, 20, 12, 0, tzinfo=UTC)


def snapshot():
    return (
        list(Proposal.objects.values_list("status", flat=True)),
        Interview.objects.count(),
        InterviewSlot.objects.count(),
        DecisionLabel.objects.count(),
        Notification.objects.count(),
    )


def test_invitation_offers_the_times_in_the_candidates_time_zone(
    shortlisted, member, candidate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        interview = services.interview_invite(
            proposal=shortlisted,
            by=member.user,
            slots=services.SlotChoice(
                starts=[NOON_MONTREAL + timedelta(days=1), NOON_MONTREAL], minutes=45
            ),
            message="Apportez votre carte de compétence.",
            now=NOW,
        )
    shortlisted.refresh_from_db()
    assert shortlisted.status == ProposalStatus.INVITED
    assert interview.status == InterviewStatus.AWAITING_CANDIDATE
    assert [(s.starts_at, s.duration_minutes) for s in interview.offered_slots.all()] == [
        (NOON_MONTREAL, 45),
        (NOON_MONTREAL + timedelta(days=1), 45),
    ]
    assert list(DecisionLabel.objects.values_list("label", "relevance")) == [
        ("employer_invited", 2)
    ]
    [message] = mail.outbox
    assert message.to == [candidate.user.email]
    assert message.subject == "Entrevue vidéo avec Usinage du Fjord inc.\xa0: choisissez une plage"
    assert "- mardi 2 mars 2027, 18\xa0h\xa000 (heure de Paris)" in message.body
    assert "- mercredi 3 mars 2027, 18\xa0h\xa000 (heure de Paris)" in message.body
    assert "Apportez votre carte de compétence." in message.body
    assert Notification.objects.get(recipient=candidate.user).code == "interviews.invited"


def test_a_time_in_the_past_is_refused_and_nothing_is_saved(shortlisted, member):
    before = snapshot()
    with pytest.raises(services.InterviewError) as error:
        services.interview_invite(
            proposal=shortlisted,
            by=member.user,
            slots=services.SlotChoice(starts=[NOW - timedelta(hours=2)]),
            now=NOW,
        )
    assert error.value.messages == [
        "Une plage ne peut pas être dans le passé\xa0: samedi 20 février 2027, 5\xa0h\xa000 (heure de l'Est)."
    ]
    assert snapshot() == before


def test_overlapping_times_are_refused(shortlisted, member):
    before = snapshot()
    with pytest.raises(services.InterviewError) as error:
        services.interview_invite(
            proposal=shortlisted,
            by=member.user,
            slots=services.SlotChoice(
                starts=[NOON_MONTREAL, NOON_MONTREAL + timedelta(minutes=20)], minutes=30
            ),
            now=NOW,
        )
    assert error.value.messages == [
        (
            "Deux des plages se chevauchent\xa0: mardi 2 mars 2027, 12\xa0h\xa000 "
            "(heure de l'Est) et mardi 2 mars 2027, 12\xa0h\xa020 (heure de l'Est)."
        )
    ]
    assert snapshot() == before


def test_a_time_overlapping_one_the_company_holds_is_refused(shortlisted, member, posting):
    InterviewSlotFactory(
        posting=posting, starts_at=NOON_MONTREAL, ends_at=NOON_MONTREAL + timedelta(hours=1)
    )
    before = snapshot()
    with pytest.raises(services.InterviewError) as error:
        services.interview_invite(
            proposal=shortlisted,
            by=member.user,
            slots=services.SlotChoice(starts=[NOON_MONTREAL + timedelta(minutes=30)]),
            now=NOW,
        )
    assert error.value.code == "overlap"
    assert "Offrez plutôt cette plage ou choisissez-en une autre." in error.value.messages[0]
    assert snapshot() == before


def test_a_free_time_can_be_offered_to_a_second_candidate(shortlisted, member, posting):
    slot = InterviewSlotFactory(posting=posting, starts_at=NOON_MONTREAL)
    InterviewFactory(proposal=ProposalFactory(posting=posting, status="invited"), offered=[slot])
    interview = services.interview_invite(
        proposal=shortlisted,
        by=member.user,
        slots=services.SlotChoice(existing_ids=[slot.public_id]),
        now=NOW,
    )
    assert list(interview.offered_slots.all()) == [slot]
    assert InterviewSlot.objects.count() == 1


def test_an_own_link_must_be_a_full_https_address(shortlisted, member):
    before = snapshot()
    with pytest.raises(services.InterviewError) as error:
        services.interview_invite(
            proposal=shortlisted,
            by=member.user,
            slots=services.SlotChoice(starts=[NOON_MONTREAL]),
            video_kind="link",
            video_url="teams.microsoft.com/l/meetup-join/abc",
            now=NOW,
        )
    assert error.value.messages == [
        "Collez le lien complet de la réunion, qui commence par https://."
    ]
    assert snapshot() == before


def test_no_time_at_all_is_refused(shortlisted, member):
    with pytest.raises(services.InterviewError) as error:
        services.interview_invite(
            proposal=shortlisted, by=member.user, slots=services.SlotChoice(), now=NOW
        )
    assert error.value.messages == ["Proposez au moins une plage horaire."]
    assert Proposal.objects.get().status == ProposalStatus.SHORTLISTED


def test_only_a_shortlisted_candidate_is_invited(posting, member):
    proposal = ProposalFactory(asked=True, posting=posting)
    with pytest.raises(ProposalError) as error:
        services.interview_invite(
            proposal=proposal,
            by=member.user,
            slots=services.SlotChoice(starts=[NOON_MONTREAL]),
            now=NOW,
        )
    assert "n'est plus sur votre liste restreinte" in error.value.messages[0]
    assert not Interview.objects.exists()


def test_asking_for_other_times_then_receiving_them(
    shortlisted, member, candidate, django_capture_on_commit_callbacks
):
    interview = services.interview_invite(
        proposal=shortlisted,
        by=member.user,
        slots=services.SlotChoice(starts=[NOON_MONTREAL]),
        now=NOW,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.interview_other_slots_request(
            interview=interview, by=candidate.user, message="Les matins, heure de Paris."
        )
    interview.refresh_from_db()
    assert interview.status == InterviewStatus.SLOTS_NEEDED
    assert mail.outbox[-1].to == [member.user.email]
    assert "Les matins, heure de Paris." in mail.outbox[-1].body
    services.interview_slots_propose(
        interview=interview,
        by=member.user,
        slots=services.SlotChoice(starts=[NOON_MONTREAL - timedelta(hours=8)]),
        now=NOW,
    )
    interview.refresh_from_db()
    assert interview.status == InterviewStatus.AWAITING_CANDIDATE
    assert interview.offered_slots.count() == 2


def test_asking_for_other_times_needs_a_message(shortlisted, member, candidate):
    interview = services.interview_invite(
        proposal=shortlisted,
        by=member.user,
        slots=services.SlotChoice(starts=[NOON_MONTREAL]),
        now=NOW,
    )
    with pytest.raises(services.InterviewError) as error:
        services.interview_other_slots_request(interview=interview, by=candidate.user, message=" ")
    assert error.value.messages == [
        "Dites à l'employeur quand vous êtes disponible (jours, heures, votre fuseau horaire)."
    ]
    interview.refresh_from_db()
    assert interview.status == InterviewStatus.AWAITING_CANDIDATE
