"""The approval curve behind stars and the queue threshold."""

import numpy as np

from matchcore.engine import DEFAULT_POLICY
from matchcore.engine.calibration import (
    STAR_APPROVAL,
    approval_curve,
    cut_offs,
    shares_approved,
)


def _graded(seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    scores = rng.uniform(0, 100, 2000)
    approved = rng.uniform(size=2000) < 1 / (1 + np.exp(-(scores - 50) / 5))
    return scores, approved


def test_the_fitted_curve_finds_where_half_the_pairs_are_approved():
    curve = approval_curve(*_graded())
    assert curve is not None and curve.slope > 0
    assert abs(curve.score_for(0.5) - 50) <= 2.5


def test_star_cut_offs_rise_with_the_approval_bands_and_3_stars_open_the_queue():
    stars, proposal = cut_offs(approval_curve(*_graded()))
    assert list(stars) == sorted(stars) and len(set(stars)) == len(STAR_APPROVAL)
    assert proposal == stars[1]


def test_no_curve_without_both_approved_and_refused_pairs():
    assert approval_curve(np.array([10.0, 80.0]), np.array([True, True])) is None
    assert approval_curve(np.array([]), np.array([])) is None


def test_shares_are_counted_per_star_level_and_from_the_threshold_up():
    scores = np.array([10.0, 40.0, 40.0, 60.0, 90.0])
    approved = np.array([False, True, False, True, True])
    by_star, above = shares_approved(scores, approved, (30.0, 50.0, 70.0, 85.0), 50.0)
    assert [(s.pairs, s.approved) for s in by_star] == [
        (1, 0.0),
        (2, 0.5),
        (1, 1.0),
        (0, None),
        (1, 1.0),
    ]
    assert (above.pairs, above.approved) == (2, 1.0)


def test_the_shipped_policy_gives_stars_and_the_queue_from_its_calibration():
    calibration = DEFAULT_POLICY.calibration
    assert calibration is not None and calibration.source == "gold"
    assert DEFAULT_POLICY.star_thresholds == calibration.star_thresholds
    assert DEFAULT_POLICY.proposal_threshold == DEFAULT_POLICY.star_thresholds[1]
    assert DEFAULT_POLICY.stars(DEFAULT_POLICY.proposal_threshold) == 3
    # A pair missing a must-have the employer lets through stays out of the queue.
    assert DEFAULT_POLICY.must_have_ceiling < DEFAULT_POLICY.proposal_threshold
