"""A candidate asks a person to review a decision; an advisor answers, and may reopen it."""

import pytest
from django.core import mail

from maillage.notifications.models import Notification
from maillage.prequalification import services
from maillage.prequalification.models import (
    Proposal,
    ProposalStatus,
    ReviewRequest,
    ReviewStatus,
)
from maillage.prequalification.tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rejected(advisor, posting, candidate):
    return ProposalFactory(
        posting=posting,
        candidate=candidate,
        status=ProposalStatus.REJECTED,
        decided_by=advisor,
        decision_reason="insufficient_french",
    )


def test_the_candidate_asks_and_the_deciding_advisor_is_told(rejected, candidate, advisor):
    review = services.review_request_create(
        proposal=rejected, by=candidate.user, message="J'ai réussi le TEF : niveau 8 à l'oral."
    )
    assert review.status == ReviewStatus.OPEN
    assert list(Notification.objects.values_list("recipient_id", "code")) == [
        (advisor.pk, "prequalification.review_requested")
    ]


def test_one_open_request_at_a_time(rejected, candidate):
    services.review_request_create(proposal=rejected, by=candidate.user, message="Première")
    with pytest.raises(services.ProposalError) as error:
        services.review_request_create(proposal=rejected, by=candidate.user, message="Seconde")
    assert error.value.messages == [
        "Vous avez déjà demandé la révision de cette décision. Une conseillère ou un conseiller vous répondra."
    ]
    assert ReviewRequest.objects.count() == 1


@pytest.mark.parametrize(
    "status", [ProposalStatus.PROPOSED, ProposalStatus.SHORTLISTED, ProposalStatus.INVITED]
)
def test_there_is_nothing_to_review_before_a_decision(posting, candidate, status):
    proposal = ProposalFactory(posting=posting, candidate=candidate, status=status)
    with pytest.raises(services.ProposalError) as error:
        services.review_request_create(proposal=proposal, by=candidate.user, message="Pourquoi ?")
    assert error.value.messages == [
        "Il n'y a pas encore de décision à revoir pour cette proposition."
    ]
    assert not ReviewRequest.objects.exists()


def test_reopening_sends_the_proposal_back_to_the_queue_and_tells_the_candidate(
    rejected, candidate, advisor, django_capture_on_commit_callbacks
):
    review = services.review_request_create(proposal=rejected, by=candidate.user, message="TEF 8")
    with django_capture_on_commit_callbacks(execute=True):
        services.review_request_answer(
            review=review, by=advisor, answer="Merci, nous revoyons la proposition.", reopen=True
        )
    rejected.refresh_from_db()
    review.refresh_from_db()
    assert (rejected.status, rejected.decision_reason, rejected.decided_at) == (
        ProposalStatus.PROPOSED,
        "",
        None,
    )
    assert (review.status, review.outcome, review.answered_by) == ("answered", "reopened", advisor)
    [message] = mail.outbox
    assert message.to == [candidate.user.email]
    assert "Merci, nous revoyons la proposition." in message.body


def test_upholding_keeps_the_decision(rejected, candidate, advisor):
    review = services.review_request_create(proposal=rejected, by=candidate.user, message="TEF")
    services.review_request_answer(review=review, by=advisor, answer="Niveau 4.", reopen=False)
    assert Proposal.objects.get().status == ProposalStatus.REJECTED
    assert ReviewRequest.objects.get().outcome == "upheld"


def test_an_employers_decision_cannot_be_reopened_by_an_advisor(posting, candidate, advisor):
    declined = ProposalFactory(
        posting=posting, candidate=candidate, status=ProposalStatus.EMPLOYER_DECLINED
    )
    review = services.review_request_create(proposal=declined, by=candidate.user, message="?")
    with pytest.raises(services.ProposalError) as error:
        services.review_request_answer(review=review, by=advisor, answer="Oui", reopen=True)
    assert error.value.messages == [
        "Seuls un rejet ou une expiration peuvent être réexaminés\xa0; la décision de l'employeur est maintenue."
    ]
    review.refresh_from_db()
    assert review.status == ReviewStatus.OPEN
    assert Proposal.objects.get().status == ProposalStatus.EMPLOYER_DECLINED


def test_an_answer_is_given_once(rejected, candidate, advisor):
    review = services.review_request_create(proposal=rejected, by=candidate.user, message="?")
    services.review_request_answer(review=review, by=advisor, answer="Non.", reopen=False)
    with pytest.raises(services.ProposalError) as error:
        services.review_request_answer(review=review, by=advisor, answer="Oui.", reopen=True)
    assert error.value.messages == ["Cette demande a déjà reçu une réponse."]
    assert ReviewRequest.objects.get().answer == "Non."
