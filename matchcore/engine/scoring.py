"""From factor values to one explained score.

Policy score: requirements R = weighted mean of the requirement factors, preferences P = weighted
mean of the candidate's factors, and the reciprocal score is their weighted harmonic mean
H = 1 / ((1 − ρ)/R + ρ/P), which is high only when both sides are. H is homogeneous of degree 1,
so H = (1 − ρ)·H²/R + ρ·H²/P exactly (Euler): each factor's points are its share of its side's
part, and the points add up to the score. A learned ranker replaces the formula and gives its
own additive contributions (SHAP values), so an explanation is always that of its score.
"""

from dataclasses import replace
from datetime import date

import numpy as np

from matchcore.engine.contracts import (
    ALL_FACTORS,
    CandidateRecord,
    Factor,
    FactorScore,
    MatchResult,
    PostingRecord,
    Reason,
    ReasonCode,
    Taxonomy,
)
from matchcore.engine.factors import (
    FactorValue,
    all_factors,
    candidate_skill_keys,
    missing_must_haves,
)
from matchcore.engine.policy import Policy
from matchcore.engine.ranker import Ranker
from matchcore.engine.rules import PERMIT_REASONS, hard_rules, missing_permits


def feature_vector(values: list[FactorValue]) -> np.ndarray:
    """The factors in ALL_FACTORS order; NaN where not measured or not applicable."""
    by_factor = {v.factor: v for v in values}
    return np.array(
        [
            np.nan
            if by_factor[f].value is None or not by_factor[f].applies
            else float(by_factor[f].value)  # type: ignore[arg-type]
            for f in ALL_FACTORS
        ],
        dtype=np.float64,
    )


def _side(
    by_factor: dict[Factor, FactorValue], weights, missing_value: float
) -> tuple[float, list[tuple[Factor, float | None, float, float]], float, float]:
    """Weighted mean of one side; returns (mean in [0, 1], [(factor, its value as measured, the
    value counted, weight)] of the factors that apply, the sum of value × weight, the sum of the
    weights). One loop, no intermediate dict: this runs for every explained pair."""
    parts = []
    weighted = total = 0.0
    for factor, weight in weights.items():
        item = by_factor[factor]
        if not item.applies:
            continue
        value = missing_value if item.value is None else item.value
        parts.append((factor, item.value, value, weight))
        weighted += value * weight
        total += weight
    if total <= 0:
        return missing_value, parts, weighted, total
    return weighted / total, parts, weighted, total


def policy_score(
    values: list[FactorValue], policy: Policy
) -> tuple[float, float, float, tuple[FactorScore, ...]]:
    by_factor = {v.factor: v for v in values}
    missing = policy.missing_value
    requirements, r_parts, r_weighted, r_total = _side(
        by_factor, policy.requirement_weights, missing
    )
    preferences, p_parts, p_weighted, p_total = _side(by_factor, policy.preference_weights, missing)
    rho = policy.reciprocity
    if requirements <= 0 or (preferences <= 0 and rho > 0):
        score = 0.0
    else:
        score = 1.0 / ((1 - rho) / requirements + (rho / preferences if rho > 0 else 0.0))
    factors = []
    for side_value, parts, share, weighted_sum, weight_sum in (
        (requirements, r_parts, 1 - rho, r_weighted, r_total),
        (preferences, p_parts, rho, p_weighted, p_total),
    ):
        side_points = 0.0 if side_value <= 0 or score <= 0 else share * score * score / side_value
        for factor, measured, value, weight in parts:
            points = side_points * (value * weight / weighted_sum) if weighted_sum > 0 else 0.0
            factors.append(FactorScore(factor, measured, weight / weight_sum * share, 100 * points))
    return 100 * score, 100 * requirements, 100 * preferences, tuple(factors)


def score_pair(
    candidate: CandidateRecord,
    posting: PostingRecord,
    *,
    today: date,
    taxonomy: Taxonomy,
    policy: Policy,
    ranker: Ranker | None = None,
    have: frozenset[str] | None = None,
) -> MatchResult:
    """The full verdict on one pair: hard rules, factors, score, stars and reasons."""
    have = candidate_skill_keys(candidate) if have is None else have
    rule_reasons = hard_rules(candidate, posting, today=today, policy=policy, have=have)
    values = all_factors(candidate, posting, taxonomy=taxonomy, policy=policy, have=have)
    score, requirements, preferences, factors = policy_score(values, policy)
    version = policy.version
    base_score = 0.0
    if ranker is not None:
        features = feature_vector(values)[None, :]
        scores, contributions, base = ranker.explain(features)
        score = float(scores[0])
        base_score = float(base[0])
        version = ranker.version
        factors = tuple(
            FactorScore(
                factor,
                next(v.value for v in values if v.factor == factor),
                float(ranker.importance.get(str(factor), 0.0)),
                float(contributions[0, i]),
            )
            for i, factor in enumerate(ALL_FACTORS)
        )
    capped = any(_caps(r) for r in rule_reasons)
    reasons: list[Reason] = [r for r in rule_reasons if r.is_exclusion or _caps(r)]
    reasons += [r for v in values for r in v.reasons]
    reasons += [r for r in rule_reasons if not (r.is_exclusion or _caps(r))]
    excluded = any(r.is_exclusion for r in rule_reasons)
    score = min(100.0, max(0.0, score))
    if capped and score > policy.must_have_ceiling:
        # The points shrink in proportion, so that they still add up to the score.
        ratio = policy.must_have_ceiling / score
        factors = tuple(replace(f, contribution=f.contribution * ratio) for f in factors)
        base_score *= ratio
        score = policy.must_have_ceiling
    return MatchResult(
        candidate_id=candidate.id,
        posting_id=posting.id,
        score=score,
        stars=policy.stars(score),
        is_excluded=excluded,
        requirements_score=requirements,
        preferences_score=preferences,
        factors=factors,
        reasons=tuple(_dedupe(reasons)),
        engine_version=version,
        base_score=base_score,
    )


CAPPING_CODES = frozenset({ReasonCode.MUST_HAVE_MISSING, *PERMIT_REASONS.values()})


def _caps(reason: Reason) -> bool:
    return reason.code in CAPPING_CODES and not reason.is_exclusion


def cap_scores(
    scores: np.ndarray,
    candidates: list[CandidateRecord],
    posting: PostingRecord,
    policy: Policy,
    *,
    haves: list[frozenset[str]] | None = None,
) -> np.ndarray:
    """`score_pair`'s must-have cap for many candidates of one posting (vectorised scores);
    `haves`: their skill keys when already known."""
    if not ((posting.must_haves or posting.required_permits) and posting.must_haves_cap):
        return scores
    if haves is None:
        haves = [candidate_skill_keys(c) for c in candidates]
    lacking = np.array(
        [
            bool(missing_must_haves(posting, have))
            or bool(missing_permits(posting, candidate.permits_held))
            for candidate, have in zip(candidates, haves, strict=True)
        ],
        dtype=np.bool_,
    )
    return np.where(lacking, np.minimum(scores, policy.must_have_ceiling), scores)


def _dedupe(reasons: list[Reason]) -> list[Reason]:
    """Drop repeated reasons (two factors may note the same missing piece). Evidence is compared
    only between reasons of the same code: most codes come once, and their evidence is not
    written out."""
    if len({reason.code for reason in reasons}) == len(reasons):
        return reasons  # the usual case: no code comes twice
    kept_by_code: dict[ReasonCode, list[Reason]] = {}
    unique = []
    for reason in reasons:
        kept = kept_by_code.setdefault(reason.code, [])
        if kept and any(_same_reason(reason, other) for other in kept):
            continue
        kept.append(reason)
        unique.append(reason)
    return unique


def _same_reason(a: Reason, b: Reason) -> bool:
    return a.factor == b.factor and repr(sorted(a.evidence.items())) == repr(
        sorted(b.evidence.items())
    )


def policy_scores(features: np.ndarray, applies: np.ndarray, policy: Policy) -> np.ndarray:
    """`policy_score` for many pairs of one posting at once (features in ALL_FACTORS order,
    NaN = not measured; `applies` says which factors apply to the posting). Returns 0–100."""
    values = np.where(np.isnan(features), policy.missing_value, features)

    def side(weights) -> np.ndarray:
        w = np.array([weights.get(f, 0.0) for f in ALL_FACTORS]) * applies
        total = w.sum()
        if total <= 0:
            return np.full(len(values), policy.missing_value)
        return values @ w / total

    requirements = side(policy.requirement_weights)
    preferences = side(policy.preference_weights)
    rho = policy.reciprocity
    with np.errstate(divide="ignore", invalid="ignore"):
        score = 1.0 / ((1 - rho) / requirements + (rho / preferences if rho > 0 else 0.0))
    score = np.where((requirements <= 0) | ((preferences <= 0) & (rho > 0)), 0.0, score)
    return 100 * score
