"""The hand-set policy: factor weights and thresholds, the engine's fallback whenever no learned
model is trusted yet. Its version goes with every score it produces."""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

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
    proposal_approval_rate: float | None = None

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
# Proposal threshold: calibrated on the gold set's tuning postings (the lowest score from which
# an advisor approves more pairs than not); its approval rate measured on the held-out ones
# (14 admissible pairs at or above it, all approved): a small sample, see docs/matching.md.
DEFAULT_POLICY = replace(
    HAND_SET_POLICY.with_weights(
        "policy-2",
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
    proposal_threshold=49.5,
    proposal_approval_rate=1.0,
)
