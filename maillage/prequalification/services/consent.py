"""The candidate's answer (share or not, and what), its expiry, its withdrawal, and the employer's
short list that consenting candidates join, at most PREQUALIFICATION_SHORTLIST_SIZE at a time."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.employers.models import JobPosting
from maillage.prequalification import notices
from maillage.prequalification.models import Proposal, ProposalStatus, SharedSection
from maillage.prequalification.services.transitions import (
    ProposalError,
    proposal_lock,
    proposal_move,
)
from maillage.prequalification.signals import consent_withdrawn


def _require_candidate(proposal: Proposal, user: User) -> None:
    if proposal.candidate.user_id != user.pk:
        raise PermissionDenied("Only the candidate answers for themself")


def shortlist_fill(*, posting: JobPosting) -> list[Proposal]:
    """Move consenting candidates who wait onto the short list while it has room (oldest answer
    first). Call inside the transaction that freed a place."""
    JobPosting.objects.select_for_update().filter(pk=posting.pk).first()  # one filler at a time
    size = settings.PREQUALIFICATION_SHORTLIST_SIZE
    room = (
        size - Proposal.objects.filter(posting=posting, status=ProposalStatus.SHORTLISTED).count()
    )
    promoted: list[Proposal] = []
    if room <= 0:
        return promoted
    waiting = Proposal.objects.filter(posting=posting, status=ProposalStatus.ACCEPTED).order_by(
        "consent_answered_at", "pk"
    )[:room]
    for proposal in waiting:
        proposal = proposal_lock(proposal)
        proposal_move(proposal, ProposalStatus.SHORTLISTED)
        proposal.shortlisted_at = timezone.now()
        proposal.save()
        notices.shortlisted(proposal)
        promoted.append(proposal)
    return promoted


@transaction.atomic
def proposal_consent_answer(
    *,
    proposal: Proposal,
    by: User,
    accept: bool,
    shared_sections: list[str] | None = None,
    now: datetime | None = None,
) -> Proposal:
    """The candidate accepts (sharing their name, how they meet each requirement and the sections
    they tick) or declines. One answer only; none after the deadline."""
    now = now or timezone.now()
    proposal = proposal_lock(proposal)
    _require_candidate(proposal, by)
    if proposal.consent_answered_at is not None:
        raise ProposalError(
            _("You already answered this proposal. To stop sharing, withdraw your consent."),
            code="already_answered",
        )
    if proposal.status == ProposalStatus.EXPIRED or (
        proposal.status == ProposalStatus.CONSENT_REQUESTED
        and proposal.consent_expires_at is not None
        and proposal.consent_expires_at <= now
    ):
        raise ProposalError(
            _("The time to answer this proposal has passed. You can ask an advisor to review it."),
            code="expired",
        )
    if proposal.status != ProposalStatus.CONSENT_REQUESTED:
        raise ProposalError(_("This proposal is not waiting for your answer."), code="not_asked")
    sections = list(dict.fromkeys(shared_sections or []))
    unknown = [section for section in sections if section not in SharedSection.values]
    if unknown:
        raise ProposalError(_("Choose what to share from the list."), code="sections")
    proposal.consent_answered_at = now
    if not accept:
        proposal_move(proposal, ProposalStatus.DECLINED)
        proposal.shared_sections = []
        proposal.save()
        notices.consent_answered(proposal, accepted=False)
        return proposal
    proposal.shared_sections = [s for s in SharedSection.values if s in sections]
    proposal_move(proposal, ProposalStatus.ACCEPTED)
    proposal.save()
    notices.consent_answered(proposal, accepted=True)
    shortlist_fill(posting=proposal.posting)
    proposal.refresh_from_db()
    return proposal


# How long a candidate may take back « Je refuse » (a slip of the finger, a second thought).
DECLINE_UNDO_WINDOW = timedelta(minutes=30)


def decline_undo_deadline(proposal: Proposal) -> datetime | None:
    """Until when the candidate may take back their refusal, or None when they cannot (not
    declined, or the answer deadline comes first and has passed)."""
    if proposal.status != ProposalStatus.DECLINED or proposal.consent_answered_at is None:
        return None
    deadline = proposal.consent_answered_at + DECLINE_UNDO_WINDOW
    if proposal.consent_expires_at is not None:
        deadline = min(deadline, proposal.consent_expires_at)
    return deadline


@transaction.atomic
def proposal_decline_undo(*, proposal: Proposal, by: User, now: datetime | None = None) -> Proposal:
    """The candidate takes back their refusal within DECLINE_UNDO_WINDOW: the proposal waits for
    their answer again, and the advisors who were told of the refusal are told it is undone."""
    now = now or timezone.now()
    proposal = proposal_lock(proposal)
    _require_candidate(proposal, by)
    deadline = decline_undo_deadline(proposal)
    if deadline is None or deadline <= now:
        raise ProposalError(
            _("Your refusal can no longer be undone. You can ask an advisor for help."),
            code="undo_closed",
        )
    proposal_move(proposal, ProposalStatus.CONSENT_REQUESTED)
    proposal.consent_answered_at = None
    proposal.save()
    notices.consent_decline_undone(proposal)
    return proposal


WITHDRAWABLE_STATUSES = frozenset(
    {ProposalStatus.ACCEPTED, ProposalStatus.SHORTLISTED, ProposalStatus.INVITED}
)


@transaction.atomic
def proposal_withdraw(*, proposal: Proposal, by: User) -> Proposal:
    """The candidate stops sharing, at any stage after consenting: the employer loses access at
    once (web and API read the same status), interviews not yet held are cancelled with a notice
    to each side, and the short list's place goes to the next candidate."""
    proposal = proposal_lock(proposal)
    _require_candidate(proposal, by)
    if proposal.status not in WITHDRAWABLE_STATUSES:
        raise ProposalError(
            _("You did not consent to share your profile for this proposal: nothing to withdraw."),
            code="not_withdrawable",
        )
    was_invited = proposal.status == ProposalStatus.INVITED
    employer_saw_it = proposal.is_visible_to_employer
    proposal_move(proposal, ProposalStatus.WITHDRAWN)
    proposal.withdrawn_at = timezone.now()
    proposal.shared_sections = []
    proposal.save()
    if was_invited:
        consent_withdrawn.send(
            sender=proposal_withdraw, proposal=proposal, by=by, now=proposal.withdrawn_at
        )
    notices.consent_withdrawn(proposal, employer_saw_it=employer_saw_it)
    shortlist_fill(posting=proposal.posting)
    return proposal


@transaction.atomic
def proposals_expire_due(*, now: datetime | None = None) -> int:
    """Expire the proposals whose candidate did not answer in time. Idempotent."""
    now = now or timezone.now()
    due = Proposal.objects.filter(
        status=ProposalStatus.CONSENT_REQUESTED, consent_expires_at__lte=now
    ).order_by("pk")
    count = 0
    for proposal in due:
        proposal = proposal_lock(proposal)
        if proposal.status != ProposalStatus.CONSENT_REQUESTED:
            continue
        proposal_move(proposal, ProposalStatus.EXPIRED)
        proposal.save()
        notices.expired(proposal)
        count += 1
    return count
