"""Proposals reach the advisors' queue (from the engine's results, or added by an advisor) and
advisors approve or reject them, one at a time or in bulk."""

from collections.abc import Sequence
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import Role, User
from maillage.candidates.models import CandidateProfile
from maillage.core.choices import VerificationStatus
from maillage.core.reasons import other_reason_note_check
from maillage.employers.models import JobPosting, PostingStatus
from maillage.matching.models import MatchResult
from maillage.prequalification import notices
from maillage.prequalification.calibration import queue_threshold
from maillage.prequalification.models import (
    ApprovalReason,
    LabelKind,
    LabelSource,
    Proposal,
    ProposalSource,
    ProposalStatus,
    RejectionReason,
)
from maillage.prequalification.services.labels import decision_label_record
from maillage.prequalification.services.transitions import (
    ProposalError,
    proposal_lock,
    proposal_move,
)


def _require_advisor(user: User) -> None:
    if user.role != Role.ADVISOR:
        raise PermissionDenied("Only advisors decide on proposals")


def _check_reason(reason: str, note: str, choices: type[ApprovalReason] | type[RejectionReason]):
    if reason not in choices.values:
        raise ProposalError(_("Choose a reason from the list."), code="reason")
    other_reason_note_check(reason, note, error=ProposalError)


def _snapshot(proposal: Proposal, result: MatchResult | None) -> None:
    if result is not None:
        proposal.score = result.score
        proposal.stars = result.stars
        proposal.reasons = result.reasons
        proposal.breakdown = result.breakdown
        proposal.engine_version = result.engine_version


@transaction.atomic
def proposals_create_from_matches(
    *, posting: JobPosting, limit: int | None = None, min_score: float | None = None
) -> list[Proposal]:
    """Put the engine's best candidates for a published posting in the advisors' queue.

    The queue holds at most `limit` proposals of a posting awaiting review; candidates already
    proposed for it (whatever became of it) are not proposed again. Idempotent.
    """
    limit = settings.PREQUALIFICATION_PROPOSALS_PER_POSTING if limit is None else limit
    min_score = queue_threshold().score if min_score is None else min_score
    posting = JobPosting.objects.select_for_update().get(pk=posting.pk)
    if posting.status != PostingStatus.PUBLISHED:
        return []
    room = limit - Proposal.objects.filter(posting=posting, status=ProposalStatus.PROPOSED).count()
    if room <= 0:
        return []
    results = (
        MatchResult.objects.filter(posting=posting, is_excluded=False, score__gte=min_score)
        .filter(candidate__verification_status=VerificationStatus.VERIFIED)
        .exclude(candidate__proposals__posting=posting)
        .order_by("-score", "candidate_id")[:room]
    )
    return [_propose(result.candidate_id, posting, result) for result in results]


def _require_not_proposed(candidate: CandidateProfile, posting: JobPosting) -> None:
    existing = Proposal.objects.filter(candidate=candidate, posting=posting).first()
    if existing is not None:
        raise ProposalError(
            _("This candidate is already proposed for this posting (“%(status)s”).")
            % {"status": existing.get_status_display()},
            code="duplicate",
        )


def _propose(candidate_id: int, posting: JobPosting, result: MatchResult | None) -> Proposal:
    proposal = Proposal(candidate_id=candidate_id, posting=posting, source=ProposalSource.ENGINE)
    _snapshot(proposal, result)
    proposal.save()
    return proposal


@transaction.atomic
def proposal_propose(*, candidate: CandidateProfile, posting: JobPosting) -> Proposal:
    """Put one candidate the engine matched in the advisors' queue for a published posting (the
    demo data's way in; the queue's top-up is proposals_create_from_matches)."""
    posting = JobPosting.objects.select_for_update().get(pk=posting.pk)
    if posting.status != PostingStatus.PUBLISHED:
        raise ProposalError(
            _("The posting is no longer published: the candidate cannot be asked."),
            code="posting_closed",
        )
    _require_not_proposed(candidate, posting)
    result = MatchResult.objects.filter(candidate=candidate, posting=posting).first()
    return _propose(candidate.pk, posting, result)


def proposals_top_up(*, posting_id: int | None = None, candidate_id: int | None = None) -> int:
    """The queue top-up after a rematch (matching's `matches_stored`): the posting's queue, or
    for a candidate the queues of the published postings where they now qualify. Idempotent;
    returns how many proposals were added."""
    if candidate_id is not None:
        posting_ids = set(
            MatchResult.objects.filter(
                candidate_id=candidate_id,
                is_excluded=False,
                score__gte=queue_threshold().score,
            ).values_list("posting_id", flat=True)
        )
    else:
        posting_ids = {posting_id}
    postings = JobPosting.objects.filter(pk__in=posting_ids, status=PostingStatus.PUBLISHED)
    return sum(
        len(proposals_create_from_matches(posting=posting)) for posting in postings.order_by("pk")
    )


def proposals_refresh_all() -> int:
    """Top up the queue of every published posting; returns how many proposals were added."""
    added = 0
    for posting in JobPosting.objects.published().only("pk"):
        added += len(proposals_create_from_matches(posting=posting))
    return added


def _request_consent(proposal: Proposal, *, by: User, reason: str, note: str) -> None:
    if proposal.posting.status != PostingStatus.PUBLISHED:
        raise ProposalError(
            _("The posting is no longer published: the candidate cannot be asked."),
            code="posting_closed",
        )
    if proposal.candidate.verification_status != VerificationStatus.VERIFIED:
        raise ProposalError(
            _("The candidate's eligibility is not verified yet: verify it first."),
            code="unverified",
        )
    proposal_move(proposal, ProposalStatus.CONSENT_REQUESTED)
    now = timezone.now()
    proposal.decided_by = by
    proposal.decided_at = now
    proposal.decision_reason = reason
    proposal.decision_note = note.strip()
    proposal.consent_requested_at = now
    proposal.consent_expires_at = now + timedelta(days=settings.PREQUALIFICATION_CONSENT_DAYS)
    proposal.save()
    notices.consent_requested(proposal)


@transaction.atomic
def proposal_approve(*, proposal: Proposal, by: User, reason: str, note: str = "") -> Proposal:
    """The advisor approves: the candidate is asked (e-mail and in-app) whether to share."""
    _require_advisor(by)
    _check_reason(reason, note, ApprovalReason)
    proposal = proposal_lock(proposal)
    if proposal.status != ProposalStatus.PROPOSED:
        raise ProposalError(
            _("This proposal was already reviewed (“%(status)s”).")
            % {"status": proposal.get_status_display()},
            code="already_reviewed",
        )
    _request_consent(proposal, by=by, reason=reason, note=note)
    decision_label_record(
        proposal=proposal,
        label=LabelKind.ADVISOR_APPROVED,
        source=LabelSource.ADVISOR,
        by=by,
        reason_code=reason,
    )
    return proposal


@transaction.atomic
def proposal_reject(*, proposal: Proposal, by: User, reason: str, note: str = "") -> Proposal:
    _require_advisor(by)
    _check_reason(reason, note, RejectionReason)
    proposal = proposal_lock(proposal)
    if proposal.status != ProposalStatus.PROPOSED:
        raise ProposalError(
            _("This proposal was already reviewed (“%(status)s”).")
            % {"status": proposal.get_status_display()},
            code="already_reviewed",
        )
    proposal_move(proposal, ProposalStatus.REJECTED)
    proposal.decided_by = by
    proposal.decided_at = timezone.now()
    proposal.decision_reason = reason
    proposal.decision_note = note.strip()
    proposal.save()
    decision_label_record(
        proposal=proposal,
        label=LabelKind.ADVISOR_REJECTED,
        source=LabelSource.ADVISOR,
        by=by,
        reason_code=reason,
    )
    return proposal


@transaction.atomic
def proposals_decide_bulk(
    *, proposals: Sequence[Proposal], by: User, approve: bool, reason: str, note: str = ""
) -> int:
    """Approve or reject several proposals with one reason: all of them, or none if one cannot."""
    if not proposals:
        raise ProposalError(_("Tick at least one proposal."), code="empty")
    decide = proposal_approve if approve else proposal_reject
    for proposal in sorted(proposals, key=lambda p: p.pk):  # locks in a fixed order
        decide(proposal=proposal, by=by, reason=reason, note=note)
    return len(proposals)


@transaction.atomic
def proposal_add(
    *,
    candidate: CandidateProfile,
    posting: JobPosting,
    by: User,
    reason: str,
    note: str = "",
) -> Proposal:
    """An advisor proposes a candidate the engine did not: recorded as theirs, approved at once."""
    _require_advisor(by)
    _check_reason(reason, note, ApprovalReason)
    _require_not_proposed(candidate, posting)
    proposal = Proposal(
        candidate=candidate, posting=posting, source=ProposalSource.ADVISOR, added_by=by
    )
    _snapshot(proposal, MatchResult.objects.filter(candidate=candidate, posting=posting).first())
    proposal.save()
    proposal = proposal_lock(proposal)
    _request_consent(proposal, by=by, reason=reason, note=note)
    decision_label_record(
        proposal=proposal,
        label=LabelKind.ADVISOR_ADDED,
        source=LabelSource.ADVISOR,
        by=by,
        reason_code=reason,
    )
    return proposal
