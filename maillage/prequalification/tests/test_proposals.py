"""Proposals reach the queue from the engine's results; advisors approve, reject, add."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from maillage.accounts.tests.factories import ManagerFactory
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.core.choices import VerificationStatus
from maillage.employers.models import PostingStatus
from maillage.notifications.models import Notification
from maillage.prequalification import services
from maillage.prequalification.models import (
    DecisionLabel,
    Proposal,
    ProposalSource,
    ProposalStatus,
)
from maillage.prequalification.tests.factories import MatchResultFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(Proposal.objects.values_list("pk", "status", "decision_reason", "decided_by_id")),
        DecisionLabel.objects.count(),
        Notification.objects.count(),
    )


class TestProposalsFromTheEngine:
    def test_best_verified_unexcluded_results_above_the_threshold_enter_the_queue(
        self, posting, settings
    ):
        settings.PREQUALIFICATION_PROPOSALS_PER_POSTING = 2
        settings.PREQUALIFICATION_MIN_SCORE = 50
        best = MatchResultFactory(posting=posting, score=91, engine_version="ltr-2026-11")
        second = MatchResultFactory(posting=posting, score=77)
        MatchResultFactory(posting=posting, score=70)  # beyond the limit of 2
        MatchResultFactory(posting=posting, score=99, is_excluded=True)
        MatchResultFactory(posting=posting, score=40)  # under the threshold
        MatchResultFactory(
            posting=posting,
            score=95,
            candidate__verification_status=VerificationStatus.PENDING,
        )

        created = services.proposals_create_from_matches(posting=posting)

        assert [(p.candidate_id, p.score) for p in created] == [
            (best.candidate_id, 91),
            (second.candidate_id, 77),
        ]
        first = Proposal.objects.get(candidate=best.candidate)
        assert first.source == ProposalSource.ENGINE
        assert first.status == ProposalStatus.PROPOSED
        assert first.engine_version == "ltr-2026-11"
        assert first.reasons == best.reasons
        assert first.stars == best.stars

    def test_topping_up_is_idempotent_and_never_proposes_someone_twice(self, posting, settings):
        settings.PREQUALIFICATION_PROPOSALS_PER_POSTING = 2
        results = [MatchResultFactory(posting=posting, score=score) for score in (90, 80, 70)]
        services.proposals_create_from_matches(posting=posting)
        assert services.proposals_create_from_matches(posting=posting) == []
        # The advisor rejects one: the next best enters, the rejected one never comes back.
        Proposal.objects.filter(candidate=results[0].candidate).update(
            status=ProposalStatus.REJECTED
        )
        [topped] = services.proposals_create_from_matches(posting=posting)
        assert topped.candidate_id == results[2].candidate_id
        assert Proposal.objects.filter(posting=posting).count() == 3

    def test_a_posting_no_longer_published_gets_no_proposal(self, posting):
        MatchResultFactory(posting=posting, score=90)
        posting.status = PostingStatus.CLOSED
        posting.save()
        assert services.proposals_create_from_matches(posting=posting) == []
        assert not Proposal.objects.exists()


class TestAdvisorApproves:
    def test_approval_asks_the_candidate_in_their_language_and_records_a_label(
        self, advisor, posting, candidate, settings, django_capture_on_commit_callbacks
    ):
        settings.PREQUALIFICATION_CONSENT_DAYS = 3
        candidate.user.language = "en"
        candidate.user.save()
        proposal = ProposalFactory(candidate=candidate, posting=posting, score=82)
        before = timezone.now()

        with django_capture_on_commit_callbacks(execute=True):
            services.proposal_approve(
                proposal=proposal, by=advisor, reason="meets_requirements", note="Très bon profil"
            )

        proposal.refresh_from_db()
        assert proposal.status == ProposalStatus.CONSENT_REQUESTED
        assert proposal.decided_by == advisor
        assert before + timedelta(days=3) <= proposal.consent_expires_at
        assert proposal.consent_expires_at <= timezone.now() + timedelta(days=3)
        label = DecisionLabel.objects.get()
        assert (label.label, label.relevance, label.source, label.reason_code) == (
            "advisor_approved",
            1,
            "advisor",
            "meets_requirements",
        )
        assert (label.engine_version, label.score, label.candidate_id, label.posting_id) == (
            "policy-test-1",
            82,
            candidate.pk,
            posting.pk,
        )
        [message] = mail.outbox
        assert message.to == [candidate.user.email]
        assert message.subject == "Usinage du Fjord inc. could meet you: do you share your profile?"
        assert "“Soudeur/soudeuse” at Usinage du Fjord inc., in Rimouski (Bas-Saint-Laurent)" in (
            message.body
        )
        # In the candidate's language (English here), addressed to them.
        assert "You have worked in the job's occupation." in message.body
        assert "Très bon profil" in message.body
        assert f"/en/prequalification/mine/{proposal.public_id}/" in message.body
        assert message.alternatives[0][1] == "text/html"
        notification = Notification.objects.get(recipient=candidate.user)
        assert notification.code == "prequalification.consent_requested"
        assert notification.params == {
            "candidate": "Amina Diallo",
            "posting": "Soudeur/soudeuse",
            "company": "Usinage du Fjord inc.",
        }

    def test_other_reason_without_a_note_changes_nothing(self, advisor, posting):
        proposal = ProposalFactory(posting=posting)
        before = snapshot()
        with pytest.raises(services.ProposalError) as error:
            services.proposal_approve(proposal=proposal, by=advisor, reason="other")
        assert error.value.messages == [
            "Vous avez choisi «\xa0Autre motif\xa0»\xa0: précisez-le dans la note."
        ]
        assert snapshot() == before

    def test_a_second_decision_is_refused(self, advisor, posting):
        proposal = ProposalFactory(posting=posting)
        services.proposal_reject(proposal=proposal, by=advisor, reason="missing_skills")
        before = snapshot()
        with pytest.raises(services.ProposalError) as error:
            services.proposal_approve(proposal=proposal, by=advisor, reason="meets_requirements")
        assert error.value.messages == [
            "Cette proposition a déjà été examinée («\xa0Non retenue par une conseillère ou un conseiller\xa0»)."
        ]
        assert snapshot() == before

    def test_a_closed_posting_or_an_unverified_candidate_cannot_be_approved(self, advisor, posting):
        unverified = ProposalFactory(
            posting=posting, candidate__verification_status=VerificationStatus.PENDING
        )
        before = snapshot()
        with pytest.raises(services.ProposalError) as error:
            services.proposal_approve(proposal=unverified, by=advisor, reason="meets_requirements")
        assert error.value.messages == [
            "L'admissibilité de la personne candidate n'est pas encore vérifiée\xa0: vérifiez-la d'abord."
        ]
        assert snapshot() == before

    def test_only_advisors_decide(self, posting):
        proposal = ProposalFactory(posting=posting)
        with pytest.raises(PermissionDenied):
            services.proposal_approve(
                proposal=proposal, by=ManagerFactory(), reason="meets_requirements"
            )
        assert Proposal.objects.get().status == ProposalStatus.PROPOSED


class TestRejectAndBulk:
    def test_rejection_is_a_label_and_tells_nobody(
        self, advisor, posting, django_capture_on_commit_callbacks
    ):
        proposal = ProposalFactory(posting=posting)
        with django_capture_on_commit_callbacks(execute=True):
            services.proposal_reject(
                proposal=proposal, by=advisor, reason="insufficient_french", note="Niveau 4"
            )
        proposal.refresh_from_db()
        assert (proposal.status, proposal.decision_reason, proposal.decision_note) == (
            ProposalStatus.REJECTED,
            "insufficient_french",
            "Niveau 4",
        )
        assert list(DecisionLabel.objects.values_list("label", "relevance")) == [
            ("advisor_rejected", 0)
        ]
        assert mail.outbox == []

    def test_bulk_approval_asks_every_candidate(
        self, advisor, posting, django_capture_on_commit_callbacks
    ):
        proposals = ProposalFactory.create_batch(3, posting=posting)
        with django_capture_on_commit_callbacks(execute=True):
            count = services.proposals_decide_bulk(
                proposals=proposals, by=advisor, approve=True, reason="meets_requirements"
            )
        assert count == 3
        assert set(Proposal.objects.values_list("status", flat=True)) == {
            ProposalStatus.CONSENT_REQUESTED
        }
        assert len(mail.outbox) == 3
        assert DecisionLabel.objects.count() == 3

    def test_bulk_is_all_or_nothing(self, advisor, posting):
        proposals = ProposalFactory.create_batch(2, posting=posting)
        decided = ProposalFactory(posting=posting, status=ProposalStatus.REJECTED)
        before = snapshot()
        with pytest.raises(services.ProposalError):
            services.proposals_decide_bulk(
                proposals=[*proposals, decided], by=advisor, approve=False, reason="location"
            )
        assert snapshot() == before


class TestAdvisorAddsACandidate:
    def test_added_candidate_is_recorded_as_the_advisors_and_asked_at_once(
        self, advisor, posting, django_capture_on_commit_callbacks
    ):
        outsider = CandidateProfileFactory()
        with django_capture_on_commit_callbacks(execute=True):
            proposal = services.proposal_add(
                candidate=outsider,
                posting=posting,
                by=advisor,
                reason="known_to_team",
                note="Rencontrée au salon de Rimouski",
            )
        assert proposal.source == ProposalSource.ADVISOR
        assert proposal.added_by == advisor
        assert proposal.status == ProposalStatus.CONSENT_REQUESTED
        assert (proposal.score, proposal.engine_version) == (None, "")
        assert list(DecisionLabel.objects.values_list("label", "source", "engine_version")) == [
            ("advisor_added", "advisor", "")
        ]
        assert [message.to for message in mail.outbox] == [[outsider.user.email]]

    def test_the_engines_score_is_kept_when_it_had_one(self, advisor, posting):
        result = MatchResultFactory(posting=posting, score=44, engine_version="policy-7")
        proposal = services.proposal_add(
            candidate=result.candidate, posting=posting, by=advisor, reason="known_to_team"
        )
        assert (proposal.score, proposal.engine_version) == (44, "policy-7")

    def test_a_candidate_already_proposed_is_not_added_twice(self, advisor, posting):
        existing = ProposalFactory(posting=posting, status=ProposalStatus.REJECTED)
        before = snapshot()
        with pytest.raises(services.ProposalError) as error:
            services.proposal_add(
                candidate=existing.candidate, posting=posting, by=advisor, reason="known_to_team"
            )
        assert error.value.messages == [
            "Cette personne candidate est déjà proposée pour cette offre («\xa0Non retenue par une conseillère ou un conseiller\xa0»)."
        ]
        assert snapshot() == before

    def test_an_unverified_candidate_is_not_added_and_nothing_is_half_saved(self, advisor, posting):
        pending = CandidateProfileFactory(verification_status=VerificationStatus.PENDING)
        with pytest.raises(services.ProposalError):
            services.proposal_add(
                candidate=pending, posting=posting, by=advisor, reason="known_to_team"
            )
        assert not Proposal.objects.exists()
        assert not DecisionLabel.objects.exists()
