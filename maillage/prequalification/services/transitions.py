"""The one table of a proposal's allowed moves, and the helper every service uses to move it."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from maillage.prequalification.models import Proposal, ProposalStatus

S = ProposalStatus

PROPOSAL_TRANSITIONS: dict[str, frozenset[str]] = {
    S.PROPOSED: frozenset({S.CONSENT_REQUESTED, S.REJECTED}),
    # A human review of a rejection or an expiry may send the proposal back to the advisors.
    S.REJECTED: frozenset({S.PROPOSED}),
    S.CONSENT_REQUESTED: frozenset({S.ACCEPTED, S.SHORTLISTED, S.DECLINED, S.EXPIRED}),
    S.EXPIRED: frozenset({S.PROPOSED}),
    # The candidate may take a refusal back for DECLINE_UNDO_WINDOW (consent.py), not later.
    S.DECLINED: frozenset({S.CONSENT_REQUESTED}),
    S.ACCEPTED: frozenset({S.SHORTLISTED, S.WITHDRAWN}),
    S.SHORTLISTED: frozenset({S.INVITED, S.EMPLOYER_DECLINED, S.WITHDRAWN}),
    S.WITHDRAWN: frozenset(),
    # Consent can be withdrawn at every stage after it was given, an interview planned or not.
    S.INVITED: frozenset({S.WITHDRAWN}),
    S.EMPLOYER_DECLINED: frozenset(),
}


class ProposalError(ValidationError):
    """A request the proposal's state or the input does not allow; its message is for people."""


def proposal_lock(proposal: Proposal) -> Proposal:
    """Re-read the proposal under a row lock, so two decisions cannot cross."""
    return (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("candidate__user", "posting__company", "posting__municipality__region")
        .get(pk=proposal.pk)
    )


def proposal_move(proposal: Proposal, target: ProposalStatus, *, message: str = "") -> None:
    """Set the new status if the table allows it; otherwise raise with a message people read."""
    if target not in PROPOSAL_TRANSITIONS[proposal.status]:
        raise ProposalError(
            message
            or _("This proposal is “%(current)s”: it cannot become “%(target)s”.")
            % {"current": proposal.get_status_display(), "target": target.label},
            code="transition",
        )
    proposal.status = target
