"""The score from which a match goes to the advisors' queue, and what it means.

The shipped policy's threshold is calibrated on the gold set (benchmarks/matching_gold.py): the
lowest score from which an advisor approves (grade ≥ 2) more pairs than not, with the share
approved at or above it measured on the gold set's held-out postings. PREQUALIFICATION_MIN_SCORE,
when set, replaces it (and nothing is claimed about its approval rate).
"""

from dataclasses import dataclass

from django.conf import settings

from maillage.matching.engine_state import active_ranker
from matchcore.engine import DEFAULT_POLICY


@dataclass(frozen=True)
class ProposalThreshold:
    score: float  # 0–100
    approval_rate: float | None  # share of the pairs at or above it an advisor approves, if known
    engine_version: str  # the engine whose scores it applies to
    is_calibrated: bool


def proposal_threshold() -> ProposalThreshold:
    """The queue's threshold for the engine now in use."""
    override = settings.PREQUALIFICATION_MIN_SCORE
    ranker = active_ranker()
    version = DEFAULT_POLICY.version if ranker is None else ranker.version
    if override is not None:
        return ProposalThreshold(float(override), None, version, is_calibrated=False)
    if ranker is not None:
        # A learned ranker's 0–100 scale is its own: the policy's threshold is kept, its
        # approval rate is not claimed.
        return ProposalThreshold(DEFAULT_POLICY.proposal_threshold, None, version, False)
    return ProposalThreshold(
        DEFAULT_POLICY.proposal_threshold,
        DEFAULT_POLICY.proposal_approval_rate,
        version,
        is_calibrated=DEFAULT_POLICY.proposal_approval_rate is not None,
    )


def default_min_stars() -> int:
    """The stars a results page starts from: the star level whose lowest score is nearest the
    queue's threshold, so a person first sees what an advisor would propose, not every 1-star
    pair (policy-2: threshold 49.5, 3 stars from 50)."""
    threshold = proposal_threshold().score
    lowest_scores = (0.0, *DEFAULT_POLICY.star_thresholds)
    return 1 + min(range(len(lowest_scores)), key=lambda n: abs(lowest_scores[n] - threshold))
