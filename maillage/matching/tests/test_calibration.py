"""The queue's threshold is the shipped policy's calibrated one, unless the settings set one."""

import pytest

from maillage.matching.calibration import default_min_stars, proposal_threshold
from matchcore.engine import DEFAULT_POLICY

pytestmark = pytest.mark.django_db


def test_the_calibrated_threshold_and_its_approval_rate_apply_by_default(settings):
    settings.PREQUALIFICATION_MIN_SCORE = None
    threshold = proposal_threshold()
    assert threshold.score == DEFAULT_POLICY.proposal_threshold
    assert threshold.approval_rate == DEFAULT_POLICY.proposal_approval_rate
    assert threshold.is_calibrated and threshold.engine_version == DEFAULT_POLICY.version


def test_a_threshold_set_in_the_settings_replaces_it_and_claims_no_rate(settings):
    settings.PREQUALIFICATION_MIN_SCORE = 70
    threshold = proposal_threshold()
    assert (threshold.score, threshold.approval_rate, threshold.is_calibrated) == (
        70.0,
        None,
        False,
    )


def test_results_pages_start_from_the_stars_nearest_the_queue_threshold(settings):
    settings.PREQUALIFICATION_MIN_SCORE = None
    assert default_min_stars() == 3  # threshold 49.5, 3 stars from 50
    settings.PREQUALIFICATION_MIN_SCORE = 80
    assert default_min_stars() == 5
    settings.PREQUALIFICATION_MIN_SCORE = 10
    assert default_min_stars() == 1
