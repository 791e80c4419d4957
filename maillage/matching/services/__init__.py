"""Writes of the matching app: vectors, rematches, feedback and the learned ranker."""

from maillage.matching.services.feedback import DecisionExample, ranker_train
from maillage.matching.services.filters import saved_filter_clear, saved_filter_store
from maillage.matching.services.rematch import (
    REMATCH_ALL_JOB,
    RematchSummary,
    candidate_rematch,
    pairs_rematch,
    posting_rematch,
    rematch_all,
    rematch_all_request,
)
from maillage.matching.services.vectors import (
    candidate_vector_refresh,
    candidate_vectors_refresh,
    posting_vector_refresh,
)

__all__ = [
    "REMATCH_ALL_JOB",
    "DecisionExample",
    "RematchSummary",
    "candidate_rematch",
    "candidate_vector_refresh",
    "candidate_vectors_refresh",
    "pairs_rematch",
    "posting_rematch",
    "posting_vector_refresh",
    "ranker_train",
    "rematch_all",
    "rematch_all_request",
    "saved_filter_clear",
    "saved_filter_store",
]
