"""What a score means: the share of pairs an advisor approves, as a function of the score.

A two-parameter logistic curve P(approved | score) = 1 / (1 + e^-(a + b·score)) is fitted on
graded pairs (the gold set's tuning postings, or the program's own advisor decisions). Two
parameters, not an isotonic step function: with a few dozen approved pairs a step function puts
its steps wherever the few approved pairs happen to fall (the 3-, 4- and 5-star cut-offs ended
within 2 points of each other), where the logistic curve spreads them as the data's slope says.

Stars and the advisors' queue then read the same curve: a star level is a band of approval
probability (`STAR_APPROVAL`), and the queue receives pairs from 3 stars up, those an advisor
approves more often than not.
"""

from dataclasses import dataclass

import numpy as np

# The approval probability from which 2, 3, 4 and 5 stars are given. 3 stars = more often
# approved than not = the advisors' queue.
STAR_APPROVAL: tuple[float, float, float, float] = (0.2, 0.5, 0.7, 0.9)
PROPOSAL_APPROVAL = STAR_APPROVAL[1]
_GRID_STEP = 0.5  # cut-offs are rounded up to this step of the 0–100 score


@dataclass(frozen=True)
class ApprovalCurve:
    intercept: float
    slope: float  # per score point; > 0 when higher scores are approved more often

    def probability(self, scores: np.ndarray | float) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(self.intercept + self.slope * np.asarray(scores, float))))

    def score_for(self, probability: float) -> float:
        """The lowest score (0–100, on a 0.5 grid) whose approval probability reaches
        `probability`; 100 when none does."""
        grid = np.arange(0.0, 100.0 + _GRID_STEP / 2, _GRID_STEP)
        reached = grid[self.probability(grid) >= probability]
        return float(reached[0]) if len(reached) else 100.0


@dataclass(frozen=True)
class ShareApproved:
    """Of `pairs` graded or decided pairs, the share an advisor approved (None: no pair)."""

    pairs: int
    approved: float | None


@dataclass(frozen=True)
class Calibration:
    """Where a policy's stars and queue threshold come from, and what they were measured to mean."""

    source: str  # "gold" (the gold set) or "decisions" (the program's advisor decisions)
    fitted_pairs: int  # pairs the curve was fitted on (approved ones in `fitted_approved`)
    fitted_approved: int
    star_thresholds: tuple[float, float, float, float]
    proposal_threshold: float
    # Measured on pairs the fit did not see (the gold set's held-out postings) when the source
    # allows it: share approved at each star level (1 to 5) and from the threshold up.
    by_star: tuple[ShareApproved, ...]
    above_threshold: ShareApproved


def approval_curve(scores: np.ndarray, approved: np.ndarray, *, iterations: int = 50):
    """Maximum-likelihood logistic fit (Newton's method, a small ridge keeps it finite when the
    classes separate). Returns None without both approved and refused pairs."""
    x = np.asarray(scores, dtype=float) / 100.0
    y = np.asarray(approved, dtype=float)
    if len(x) == 0 or y.min() == y.max():
        return None
    design = np.column_stack([np.ones_like(x), x])
    theta = np.zeros(2)
    ridge = 1e-3 * np.eye(2)
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(design @ theta)))
        gradient = design.T @ (y - p) - ridge @ theta
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + ridge
        step = np.linalg.solve(hessian, gradient)
        theta += step
        if np.abs(step).max() < 1e-9:
            break
    return ApprovalCurve(intercept=float(theta[0]), slope=float(theta[1]) / 100.0)


def cut_offs(curve: ApprovalCurve) -> tuple[tuple[float, float, float, float], float]:
    """(star thresholds, proposal threshold) read from the curve."""
    stars = tuple(curve.score_for(target) for target in STAR_APPROVAL)
    return stars, curve.score_for(PROPOSAL_APPROVAL)  # type: ignore[return-value]


def stars_of(score: float, star_thresholds: tuple[float, ...]) -> int:
    return 1 + sum(score >= threshold for threshold in star_thresholds)


def shares_approved(
    scores: np.ndarray,
    approved: np.ndarray,
    star_thresholds: tuple[float, float, float, float],
    proposal_threshold: float,
) -> tuple[tuple[ShareApproved, ...], ShareApproved]:
    """The share approved at each star level and from the threshold up, with counts."""
    scores, approved = np.asarray(scores, float), np.asarray(approved, bool)
    levels = np.array([stars_of(s, star_thresholds) for s in scores], dtype=int)

    def share(mask: np.ndarray) -> ShareApproved:
        count = int(mask.sum())
        return ShareApproved(count, round(float(approved[mask].mean()), 3) if count else None)

    by_star = tuple(share(levels == level) for level in range(1, 6))
    return by_star, share(scores >= proposal_threshold)
