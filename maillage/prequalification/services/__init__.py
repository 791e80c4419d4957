"""Every change to proposals, labels and review requests goes through these functions."""

from maillage.prequalification.services.consent import (
    DECLINE_UNDO_WINDOW,
    WITHDRAWABLE_STATUSES,
    decline_undo_deadline,
    proposal_consent_answer,
    proposal_decline_undo,
    proposal_withdraw,
    proposals_expire_due,
    shortlist_fill,
)
from maillage.prequalification.services.employer import (
    employer_may_act,
    proposal_employer_decline,
    proposal_mark_invited,
)
from maillage.prequalification.services.labels import decision_label_record, ranker_retrain
from maillage.prequalification.services.proposals import (
    proposal_add,
    proposal_approve,
    proposal_propose,
    proposal_reject,
    proposals_create_from_matches,
    proposals_decide_bulk,
    proposals_refresh_all,
    proposals_top_up,
)
from maillage.prequalification.services.reviews import (
    review_request_answer,
    review_request_create,
)
from maillage.prequalification.services.transitions import PROPOSAL_TRANSITIONS, ProposalError

__all__ = [
    "DECLINE_UNDO_WINDOW",
    "WITHDRAWABLE_STATUSES",
    "decline_undo_deadline",
    "proposal_decline_undo",
    "PROPOSAL_TRANSITIONS",
    "ProposalError",
    "decision_label_record",
    "employer_may_act",
    "proposal_add",
    "proposal_propose",
    "proposals_top_up",
    "ranker_retrain",
    "proposal_approve",
    "proposal_consent_answer",
    "proposal_employer_decline",
    "proposal_mark_invited",
    "proposal_reject",
    "proposal_withdraw",
    "proposals_create_from_matches",
    "proposals_decide_bulk",
    "proposals_expire_due",
    "proposals_refresh_all",
    "review_request_answer",
    "review_request_create",
    "shortlist_fill",
]
