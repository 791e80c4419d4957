"""The candidate's answer, what they share, the short list's size, expiry and withdrawal."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from maillage.employers.tests.factories import CompanyMemberFactory
from maillage.notifications.models import Notification
from maillage.prequalification import services
from maillage.prequalification.models import DecisionLabel, Proposal, ProposalStatus
from maillage.prequalification.tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(
            Proposal.objects.values_list(
                "pk", "status", "shared_sections", "consent_answered_at", "shortlisted_at"
            )
        ),
        DecisionLabel.objects.count(),
        Notification.objects.count(),
    )


@pytest.fixture
def asked(advisor, posting, candidate):
    return ProposalFactory(asked=True, candidate=candidate, posting=posting, decided_by=advisor)


def test_accepting_shortlists_with_the_sections_ticked_and_tells_employer_and_advisor(
    asked, member, advisor, candidate, django_capture_on_commit_callbacks
):
    colleague = CompanyMemberFactory(company=member.company, role="member")
    with django_capture_on_commit_callbacks(execute=True):
        proposal = services.proposal_consent_answer(
            proposal=asked,
            by=candidate.user,
            accept=True,
            shared_sections=["skills", "contact", "skills"],
        )
    assert proposal.status == ProposalStatus.SHORTLISTED
    assert proposal.shared_sections == ["contact", "skills"]  # in the form's order, once
    assert proposal.shortlisted_at is not None
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [member.user.email, colleague.user.email]
    )
    assert (
        mail.outbox[0].subject
        == "Une personne candidate préqualifiée pour «\xa0Soudeur/soudeuse\xa0»"
    )
    assert list(
        Notification.objects.order_by("recipient_id").values_list("recipient_id", "code")
    ) == sorted(
        [
            (advisor.pk, "prequalification.consent_accepted"),
            (member.user.pk, "prequalification.shortlisted"),
            (colleague.user.pk, "prequalification.shortlisted"),
        ]
    )


def test_accepting_with_nothing_ticked_shares_only_the_name_and_the_requirements(asked, candidate):
    proposal = services.proposal_consent_answer(proposal=asked, by=candidate.user, accept=True)
    assert proposal.shared_sections == []
    assert proposal.status == ProposalStatus.SHORTLISTED


def test_declining_keeps_the_profile_from_the_employer(
    asked, candidate, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        proposal = services.proposal_consent_answer(
            proposal=asked, by=candidate.user, accept=False, shared_sections=["contact"]
        )
    assert proposal.status == ProposalStatus.DECLINED
    assert proposal.shared_sections == []
    assert mail.outbox == []
    assert not Notification.objects.filter(recipient=member.user).exists()


def test_a_second_answer_is_refused_and_changes_nothing(asked, candidate):
    services.proposal_consent_answer(proposal=asked, by=candidate.user, accept=False)
    before = snapshot()
    with pytest.raises(services.ProposalError) as error:
        services.proposal_consent_answer(proposal=asked, by=candidate.user, accept=True)
    assert error.value.messages == [
        "Vous avez déjà répondu à cette proposition. Pour cesser le partage, retirez votre consentement."
    ]
    assert snapshot() == before


def test_an_answer_after_the_deadline_is_refused(asked, candidate):
    before = snapshot()
    with pytest.raises(services.ProposalError) as error:
        services.proposal_consent_answer(
            proposal=asked,
            by=candidate.user,
            accept=True,
            now=asked.consent_expires_at + timedelta(seconds=1),
        )
    assert error.value.messages == [
        "Le délai pour répondre à cette proposition est passé. Vous pouvez demander à une conseillère ou à un conseiller de la revoir."
    ]
    assert snapshot() == before


def test_an_unknown_section_is_refused(asked, candidate):
    before = snapshot()
    with pytest.raises(services.ProposalError):
        services.proposal_consent_answer(
            proposal=asked, by=candidate.user, accept=True, shared_sections=["passport"]
        )
    assert snapshot() == before


def test_a_proposal_not_yet_approved_cannot_be_answered(posting, candidate):
    proposal = ProposalFactory(posting=posting, candidate=candidate)
    with pytest.raises(services.ProposalError) as error:
        services.proposal_consent_answer(proposal=proposal, by=candidate.user, accept=True)
    assert error.value.messages == ["Cette proposition n'attend pas votre réponse."]
    assert Proposal.objects.get().status == ProposalStatus.PROPOSED


def test_the_short_list_holds_n_and_the_next_consenting_candidate_waits_for_a_place(
    posting, member, settings, django_capture_on_commit_callbacks
):
    settings.PREQUALIFICATION_SHORTLIST_SIZE = 2
    first, second, third = ProposalFactory.create_batch(3, asked=True, posting=posting)
    for proposal in (first, second, third):
        services.proposal_consent_answer(proposal=proposal, by=proposal.candidate.user, accept=True)
    assert list(Proposal.objects.order_by("pk").values_list("status", flat=True)) == [
        ProposalStatus.SHORTLISTED,
        ProposalStatus.SHORTLISTED,
        ProposalStatus.ACCEPTED,
    ]
    with django_capture_on_commit_callbacks(execute=True):
        services.proposal_employer_decline(proposal=first, by=member.user, reason="experience")
    third.refresh_from_db()
    assert third.status == ProposalStatus.SHORTLISTED
    assert (
        Notification.objects.filter(
            recipient=member.user, code="prequalification.shortlisted"
        ).count()
        == 3
    )


def test_withdrawing_consent_removes_the_candidate_and_frees_the_place(posting, settings):
    settings.PREQUALIFICATION_SHORTLIST_SIZE = 1
    first, waiting = ProposalFactory.create_batch(2, asked=True, posting=posting)
    services.proposal_consent_answer(
        proposal=first, by=first.candidate.user, accept=True, shared_sections=["contact"]
    )
    services.proposal_consent_answer(proposal=waiting, by=waiting.candidate.user, accept=True)
    withdrawn = services.proposal_withdraw(proposal=first, by=first.candidate.user)
    assert (withdrawn.status, withdrawn.shared_sections) == (ProposalStatus.WITHDRAWN, [])
    waiting.refresh_from_db()
    assert waiting.status == ProposalStatus.SHORTLISTED


def test_expiry_is_due_after_the_delay_and_runs_once(
    asked, advisor, candidate, django_capture_on_commit_callbacks
):
    later = ProposalFactory(
        asked=True, posting=asked.posting, consent_expires_at=timezone.now() + timedelta(days=30)
    )
    with django_capture_on_commit_callbacks(execute=True):
        count = services.proposals_expire_due(now=asked.consent_expires_at)
    assert count == 1
    asked.refresh_from_db()
    later.refresh_from_db()
    assert (asked.status, later.status) == (
        ProposalStatus.EXPIRED,
        ProposalStatus.CONSENT_REQUESTED,
    )
    assert [message.to for message in mail.outbox] == [[candidate.user.email]]
    assert mail.outbox[0].subject == "La proposition pour «\xa0Soudeur/soudeuse\xa0» a expiré"
    assert set(Notification.objects.values_list("recipient_id", "code")) == {
        (candidate.user.pk, "prequalification.expired_candidate"),
        (advisor.pk, "prequalification.expired_advisor"),
    }
    assert services.proposals_expire_due(now=asked.consent_expires_at) == 0


def test_the_expiry_command_for_cron(asked, capsys):
    Proposal.objects.filter(pk=asked.pk).update(consent_expires_at=timezone.now())
    call_command("expire_proposals")
    assert capsys.readouterr().out.strip() == "1 proposal(s) expired"
    call_command("expire_proposals")
    assert capsys.readouterr().out.strip() == "0 proposal(s) expired"
