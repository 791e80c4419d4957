"""The employer's decisions on its short list: invite to an interview (through
maillage.interviews) or decline with a reason. Both are training labels."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.core.reasons import other_reason_note_check
from maillage.prequalification import notices
from maillage.prequalification.models import (
    EmployerReason,
    LabelKind,
    LabelSource,
    Proposal,
    ProposalStatus,
)
from maillage.prequalification.services.consent import shortlist_fill
from maillage.prequalification.services.labels import decision_label_record
from maillage.prequalification.services.transitions import (
    ProposalError,
    proposal_lock,
    proposal_move,
)


def employer_may_act(proposal: Proposal, user: User) -> bool:
    membership = getattr(user, "company_membership", None)
    return membership is not None and membership.company_id == proposal.posting.company_id


def _require_shortlisted(proposal: Proposal, user: User) -> None:
    if not employer_may_act(proposal, user):
        raise PermissionDenied("Only the posting's company decides")
    if proposal.status != ProposalStatus.SHORTLISTED:
        raise ProposalError(
            _("This candidate is no longer on your short list (“%(status)s”).")
            % {"status": proposal.get_status_display()},
            code="not_shortlisted",
        )


@transaction.atomic
def proposal_employer_decline(
    *, proposal: Proposal, by: User, reason: str, note: str = ""
) -> Proposal:
    if reason not in EmployerReason.values:
        raise ProposalError(_("Choose a reason from the list."), code="reason")
    other_reason_note_check(reason, note, written_in="message", error=ProposalError)
    proposal = proposal_lock(proposal)
    _require_shortlisted(proposal, by)
    proposal_move(proposal, ProposalStatus.EMPLOYER_DECLINED)
    proposal.employer_decided_by = by
    proposal.employer_decided_at = timezone.now()
    proposal.employer_reason = reason
    proposal.employer_note = note.strip()
    proposal.save()
    decision_label_record(
        proposal=proposal,
        label=LabelKind.EMPLOYER_DECLINED,
        source=LabelSource.EMPLOYER,
        by=by,
        reason_code=reason,
    )
    notices.employer_declined(proposal)
    shortlist_fill(posting=proposal.posting)
    return proposal


def proposal_mark_invited(*, proposal: Proposal, by: User) -> Proposal:
    """Called by maillage.interviews inside the invitation's transaction."""
    proposal = proposal_lock(proposal)
    _require_shortlisted(proposal, by)
    proposal_move(proposal, ProposalStatus.INVITED)
    proposal.employer_decided_by = by
    proposal.employer_decided_at = timezone.now()
    proposal.save()
    decision_label_record(
        proposal=proposal, label=LabelKind.EMPLOYER_INVITED, source=LabelSource.EMPLOYER, by=by
    )
    shortlist_fill(posting=proposal.posting)
    return proposal
