"""A candidate asks a person to review a decision about them; an advisor answers, and may send a
rejected or expired proposal back to the queue."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import Role, User
from maillage.prequalification import notices
from maillage.prequalification.models import (
    Proposal,
    ProposalStatus,
    ReviewOutcome,
    ReviewRequest,
    ReviewStatus,
)
from maillage.prequalification.services.transitions import (
    ProposalError,
    proposal_lock,
    proposal_move,
)

# Decisions about a candidate that a person can be asked to review.
REVIEWABLE_STATUSES = frozenset(
    {ProposalStatus.REJECTED, ProposalStatus.EXPIRED, ProposalStatus.EMPLOYER_DECLINED}
)
REOPENABLE_STATUSES = frozenset({ProposalStatus.REJECTED, ProposalStatus.EXPIRED})


@transaction.atomic
def review_request_create(*, proposal: Proposal, by: User, message: str) -> ReviewRequest:
    proposal = proposal_lock(proposal)
    if proposal.candidate.user_id != by.pk:
        raise PermissionDenied("Only the candidate asks for a review of their decisions")
    if not message.strip():
        raise ProposalError(
            _("Tell the advisor what you would like reviewed and why."), code="message_required"
        )
    if proposal.status not in REVIEWABLE_STATUSES:
        raise ProposalError(
            _("There is no decision to review on this proposal yet."), code="not_reviewable"
        )
    if proposal.review_requests.filter(status=ReviewStatus.OPEN).exists():
        raise ProposalError(
            _("You already asked for a review of this decision. An advisor will answer you."),
            code="already_open",
        )
    try:
        with transaction.atomic():
            review = ReviewRequest.objects.create(
                proposal=proposal, requested_by=by, message=message.strip()
            )
    except IntegrityError as exc:  # two requests at once: the constraint keeps one
        raise ProposalError(
            _("You already asked for a review of this decision. An advisor will answer you."),
            code="already_open",
        ) from exc
    notices.review_requested(review)
    return review


@transaction.atomic
def review_request_answer(
    *, review: ReviewRequest, by: User, answer: str, reopen: bool
) -> ReviewRequest:
    if by.role != Role.ADVISOR:
        raise PermissionDenied("Only advisors answer review requests")
    review = (
        ReviewRequest.objects.select_for_update(of=("self",))
        .select_related("proposal")
        .get(pk=review.pk)
    )
    if review.status != ReviewStatus.OPEN:
        raise ProposalError(_("This request was already answered."), code="already_answered")
    if not answer.strip():
        raise ProposalError(_("Write your answer: the candidate will read it."), code="answer")
    proposal = proposal_lock(review.proposal)
    if reopen:
        if proposal.status not in REOPENABLE_STATUSES:
            raise ProposalError(
                _(
                    "Only a rejection or an expiry can be reviewed again; the employer's "
                    "decision stands."
                ),
                code="not_reopenable",
            )
        proposal_move(proposal, ProposalStatus.PROPOSED)
        for field in ("decision_reason", "decision_note"):
            setattr(proposal, field, "")
        proposal.decided_at = proposal.consent_requested_at = proposal.consent_expires_at = None
        proposal.save()
    review.status = ReviewStatus.ANSWERED
    review.outcome = ReviewOutcome.REOPENED if reopen else ReviewOutcome.UPHELD
    review.answer = answer.strip()
    review.answered_by = by
    review.answered_at = timezone.now()
    review.save()
    review.proposal = proposal
    notices.review_answered(review)
    return review
