"""Prequalification listens to matching: new match results top up the advisors' queues."""

from maillage.prequalification.services import proposals_top_up


def top_up_after_rematch(sender, posting_id=None, candidate_id=None, **kwargs) -> None:
    proposals_top_up(posting_id=posting_id, candidate_id=candidate_id)
