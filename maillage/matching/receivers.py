"""Matching listens to candidates and employers: a changed profile or posting is rematched once
its transaction commits."""

from maillage.matching.tasks import candidate_rematch_later, posting_rematch_later


def rematch_candidate_later(sender, candidate_id: int, **kwargs) -> None:
    candidate_rematch_later(candidate_id)


def rematch_posting_later(sender, posting_id: int, **kwargs) -> None:
    posting_rematch_later(posting_id)
