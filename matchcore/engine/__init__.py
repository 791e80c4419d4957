"""The matching engine: contracts in, ranked and explained results out. Pure Python + numpy
(faiss and LightGBM for the index and the learned ranker); no Django, no database, no clock."""

from matchcore.engine.contracts import (
    ALL_FACTORS,
    PREFERENCE_FACTORS,
    REQUIREMENT_FACTORS,
    CandidateRecord,
    Experience,
    Factor,
    FactorScore,
    LanguageLevels,
    MatchResult,
    PermitHolding,
    PermitStatus,
    Place,
    PostingRecord,
    Reason,
    ReasonCode,
    Skill,
    Taxonomy,
)
from matchcore.engine.engine import MatchingEngine
from matchcore.engine.index import Reducer, VectorIndex, fit_reducer
from matchcore.engine.policy import DEFAULT_POLICY, HAND_SET_POLICY, Policy
from matchcore.engine.ranker import Ranker, TrainingReport, train_ranker
from matchcore.engine.scoring import feature_vector, score_pair

__all__ = [
    "ALL_FACTORS",
    "DEFAULT_POLICY",
    "HAND_SET_POLICY",
    "PREFERENCE_FACTORS",
    "REQUIREMENT_FACTORS",
    "CandidateRecord",
    "Experience",
    "Factor",
    "FactorScore",
    "LanguageLevels",
    "MatchResult",
    "MatchingEngine",
    "PermitHolding",
    "PermitStatus",
    "Place",
    "Policy",
    "PostingRecord",
    "Ranker",
    "Reason",
    "ReasonCode",
    "Reducer",
    "Skill",
    "Taxonomy",
    "TrainingReport",
    "VectorIndex",
    "feature_vector",
    "fit_reducer",
    "score_pair",
    "train_ranker",
]
