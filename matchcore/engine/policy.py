"""The hand-set policy: factor weights and thresholds, the engine's fallback whenever no learned
model is trusted yet. Its version goes with every score it produces."""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from matchcore.engine.calibration import Calibration, ShareApproved
from matchcore.engine.contracts import Factor


def _default_requirement_weights() -> dict[Factor, float]:
    return {
        Factor.OCCUPATION: 0.26,
        Factor.REQUIRED_SKILLS: 0.22,
        Factor.NICE_SKILLS: 0.05,
        Factor.EXPERIENCE: 0.12,
        Factor.EDUCATION: 0.07,
        Factor.LANGUAGE: 0.08,
        Factor.SEMANTIC: 0.20,
    }


def _default_preference_weights() -> dict[Factor, float]:
    return {Factor.DESIRED_OCCUPATION: 0.45, Factor.PLACE: 0.35, Factor.SALARY: 0.20}


@dataclass(frozen=True)
class Policy:
    version: str = "policy-1"
    requirement_weights: Mapping[Factor, float] = field(
        default_factory=_default_requirement_weights
    )
    preference_weights: Mapping[Factor, float] = field(default_factory=_default_preference_weights)
    # Reciprocal score: weighted harmonic mean of requirements and preferences; `reciprocity` is
    # the preferences' share (0 = the employer's requirements alone).
    reciprocity: float = 0.3
    # A factor that cannot be measured (missing data) counts as this value, so missing data is
    # neither rewarded nor fatal.
    missing_value: float = 0.5
    # Occupation fit by closeness in the NOC hierarchy (or through shared ESCO skills).
    occupation_levels: Mapping[str, float] = field(
        default_factory=lambda: {
            "unit": 1.0,
            "minor": 0.7,
            "sub_major": 0.5,
            "related": 0.45,
            "major": 0.3,
            "other": 0.0,
        }
    )
    # A desired occupation (not practised) counts this much of an experienced one.
    desired_only_factor: float = 0.85
    # Text similarity: cosines below `semantic_floor` are worth 0, above `semantic_ceiling` 1.
    semantic_floor: float = 0.2
    semantic_ceiling: float = 0.8
    # Place: distance (km) at which the distance score halves.
    distance_half_km: float = 80.0
    # Hard rules.
    require_verified: bool = True
    availability_grace_days: int = 30
    eligibility_years: int = 5
    # Stars: the lowest score of 2, 3, 4 and 5 stars.
    star_thresholds: tuple[float, float, float, float] = (35.0, 50.0, 65.0, 80.0)
    # A missing must-have that the employer lets through keeps the pair at most at these stars.
    must_have_cap_stars: int = 2
    # Experience: a shortfall is "close" from this share of the years asked for.
    experience_close_share: float = 2 / 3
    # The advisors' queue receives admissible pairs from this score up; the share of such pairs
    # an advisor approves, where it was measured (None: not calibrated).
    proposal_threshold: float = 50.0
    # Where the stars and the threshold were calibrated and what they were measured to mean
    # (None: set by hand, nothing claimed).
    calibration: Calibration | None = None

    @property
    def proposal_approval_rate(self) -> float | None:
        """The measured share of pairs from the threshold up that an advisor approves."""
        return None if self.calibration is None else self.calibration.above_threshold.approved

    def with_weights(self, version: str, **weights: float) -> "Policy":
        requirement = dict(self.requirement_weights)
        preference = dict(self.preference_weights)
        for name, value in weights.items():
            factor = Factor(name)
            (requirement if factor in requirement else preference)[factor] = value
        return replace(
            self, version=version, requirement_weights=requirement, preference_weights=preference
        )

    def stars(self, score: float) -> int:
        return 1 + sum(score >= threshold for threshold in self.star_thresholds)

    @property
    def must_have_ceiling(self) -> float:
        """The highest score of a pair missing a must-have the employer lets through: one point
        below the next star, so such a pair ranks after every pair with more stars."""
        if self.must_have_cap_stars >= len(self.star_thresholds) + 1:
            return 100.0
        return self.star_thresholds[self.must_have_cap_stars - 1] - 1.0


# The hand-set weights, kept to compare with.
HAND_SET_POLICY = Policy()

# What ships: the weights found by `python -m benchmarks.matching_quality --tune-shipped` on the
# tuning parts of both evaluations (the taxonomy-built one and the gold set); every figure of
# docs/matching.md is on their held-out parts. A learned ranker replaces it once advisors'
# decisions are enough (MATCHING_MIN_LABELS).
# policy-3 = policy-2's weights with calibrated stars: a logistic approval curve fitted on the
# gold set's tuning postings (306 admissible pairs, 29 approved; `calibration_on_tuning` of
# `python -m benchmarks.matching_gold`), a star level = a band of approval probability
# (matchcore.engine.calibration.STAR_APPROVAL), the queue from 3 stars up. The shares below are
# measured on the held-out postings (`approval_on_held_out`): small counts, see docs/matching.md.
GOLD_CALIBRATION = Calibration(
    source="gold",
    fitted_pairs=306,
    fitted_approved=29,
    star_thresholds=(35.0, 42.5, 47.0, 54.5),
    proposal_threshold=42.5,
    by_star=(
        ShareApproved(172, 0.017),
        ShareApproved(6, 0.5),
        ShareApproved(3, 0.667),
        ShareApproved(0, None),
        ShareApproved(12, 1.0),
    ),
    above_threshold=ShareApproved(15, 0.933),
)
DEFAULT_POLICY = replace(
    HAND_SET_POLICY.with_weights(
        "policy-3",
        # The search sets it to 0 (the taxonomy-built evaluation's stand-in occupations are
        # noisy); a small weight keeps same > related > other occupation, as reasons say.
        occupation=0.05,
        required_skills=0.55,
        nice_skills=0.075,
        experience=0.0,
        education=0.0,
        language=0.08,
        semantic=0.2,
        desired_occupation=0.45,
        place=0.35,
        salary=0.3,
    ),
    reciprocity=0.4,
    star_thresholds=GOLD_CALIBRATION.star_thresholds,
    proposal_threshold=GOLD_CALIBRATION.proposal_threshold,
    calibration=GOLD_CALIBRATION,
)
