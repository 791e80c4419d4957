"""The score from which a match goes to the advisors' queue, and what it means.

The shipped policy's stars and threshold are calibrated on the gold set (benchmarks/matching_gold.py,
matchcore.engine.calibration): a star level is a band of approval probability, the queue starts at
3 stars, and the shares approved are measured on the gold set's held-out postings.
PREQUALIFICATION_MIN_SCORE, when set, replaces the threshold (and nothing is claimed about its
approval rate). Once the program's advisors have decided enough proposals, prequalification
recalibrates the threshold on their decisions (`prequalification.calibration.queue_threshold`).
"""

from dataclasses import dataclass

from django.conf import settings

from maillage.matching.engine_state import active_ranker
from matchcore.engine import DEFAULT_POLICY
from matchcore.engine.calibration import ShareApproved


class ThresholdSource:
    GOLD = "gold"  # the gold set's grades (what ships)
    DECISIONS = "decisions"  # the program's advisor decisions
    SETTING = "setting"  # PREQUALIFICATION_MIN_SCORE
    UNCALIBRATED = "uncalibrated"  # a learned ranker's scale, not yet measured


@dataclass(frozen=True)
class ProposalThreshold:
    score: float  # 0–100
    approval_rate: float | None  # share of the pairs at or above it an advisor approves, if known
    engine_version: str  # the engine whose scores it applies to
    is_calibrated: bool
    source: str = ThresholdSource.GOLD
    # The share approved at each star level (1 to 5) and from the threshold up, with counts.
    by_star: tuple[ShareApproved, ...] = ()
    above_threshold: ShareApproved | None = None
    star_thresholds: tuple[float, ...] = DEFAULT_POLICY.star_thresholds


def active_engine_version() -> str:
    ranker = active_ranker()
    return DEFAULT_POLICY.version if ranker is None else ranker.version


def proposal_threshold() -> ProposalThreshold:
    """The queue's threshold for the engine now in use, as shipped (gold set) or set."""
    override = settings.PREQUALIFICATION_MIN_SCORE
    version = active_engine_version()
    if override is not None:
        return ProposalThreshold(
            float(override), None, version, is_calibrated=False, source=ThresholdSource.SETTING
        )
    calibration = DEFAULT_POLICY.calibration
    if version != DEFAULT_POLICY.version or calibration is None:
        # A learned ranker's 0–100 scale is its own: the policy's threshold is kept, its
        # approval rate is not claimed until decisions on that engine measure it.
        return ProposalThreshold(
            DEFAULT_POLICY.proposal_threshold,
            None,
            version,
            is_calibrated=False,
            source=ThresholdSource.UNCALIBRATED,
        )
    return ProposalThreshold(
        DEFAULT_POLICY.proposal_threshold,
        DEFAULT_POLICY.proposal_approval_rate,
        version,
        is_calibrated=True,
        source=ThresholdSource.GOLD,
        by_star=calibration.by_star,
        above_threshold=calibration.above_threshold,
    )


def default_min_stars() -> int:
    """The stars a results page starts from: the star level whose lowest score is nearest the
    queue's threshold, so a person first sees what an advisor would propose, not every 1-star
    pair (policy-2: threshold 49.5, 3 stars from 50)."""
    threshold = proposal_threshold().score
    lowest_scores = (0.0, *DEFAULT_POLICY.star_thresholds)
    return 1 + min(range(len(lowest_scores)), key=lambda n: abs(lowest_scores[n] - threshold))
