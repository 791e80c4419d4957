"""The queue threshold: shipped (gold set) until the program's advisors have decided enough
proposals, then recalibrated on their decisions; the program settings page shows which."""

import pytest
from django.core.cache import cache
from django.utils import timezone

from maillage.accounts.tests.factories import ManagerFactory
from maillage.prequalification.calibration import (
    CALIBRATION_MIN_DECISIONS,
    decisions_count,
    queue_threshold,
)
from maillage.prequalification.models import DecisionLabel, LabelKind, LabelSource
from maillage.prequalification.tests.factories import ProposalFactory
from matchcore.engine import DEFAULT_POLICY

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_setting(settings):
    settings.PREQUALIFICATION_MIN_SCORE = None
    # The fit is cached under (count, last pk): SQLite reuses pks after a rollback, so a
    # previous test's fit would answer for this one.
    cache.clear()


def decide(
    count: int,
    *,
    approved_from: float,
    low: float = 40.0,
    high: float = 95.0,
    rejected_every: int | None = None,
) -> None:
    """`count` advisor decisions on the shipped engine's proposals, scores spread from `low` to
    `high`, approved from `approved_from` up (or, with `rejected_every`, all approved but every
    n-th, whatever the score)."""
    labels = []
    for i in range(count):
        score = low + (high - low) * i / max(count - 1, 1)
        proposal = ProposalFactory(score=score, engine_version=DEFAULT_POLICY.version)
        approved = score >= approved_from
        if rejected_every is not None:
            approved = i % rejected_every != 0
        labels.append(
            DecisionLabel(
                candidate_id=proposal.candidate_id,
                posting_id=proposal.posting_id,
                proposal=proposal,
                label=LabelKind.ADVISOR_APPROVED if approved else LabelKind.ADVISOR_REJECTED,
                relevance=1 if approved else 0,
                source=LabelSource.ADVISOR,
                decided_at=timezone.now(),
                engine_version=DEFAULT_POLICY.version,
                score=score,
            )
        )
    DecisionLabel.objects.bulk_create(labels)


def test_the_gold_set_calibration_holds_until_decisions_are_enough():
    decide(CALIBRATION_MIN_DECISIONS - 1, approved_from=70)
    threshold = queue_threshold()
    assert threshold.source == "gold" and threshold.score == DEFAULT_POLICY.proposal_threshold
    assert decisions_count() == CALIBRATION_MIN_DECISIONS - 1


def test_enough_decisions_raise_the_threshold_where_advisors_start_approving():
    decide(CALIBRATION_MIN_DECISIONS, approved_from=70)
    threshold = queue_threshold()
    assert threshold.source == "decisions" and threshold.is_calibrated
    assert 65 <= threshold.score <= 75
    assert threshold.above_threshold.pairs > 0 and threshold.approval_rate >= 0.9
    assert sum(share.pairs for share in threshold.by_star) == CALIBRATION_MIN_DECISIONS


def test_decisions_never_lower_the_threshold_below_the_scores_advisors_saw():
    # Advisors approve four in five at every score: the fitted curve crosses one half below
    # anything they saw, so the threshold stops at the lowest score they decided.
    decide(CALIBRATION_MIN_DECISIONS, approved_from=0, low=43.0, rejected_every=5)
    threshold = queue_threshold()
    assert threshold.source == "decisions"
    assert threshold.score == 43.0


def test_a_threshold_set_on_the_server_wins_over_decisions(settings):
    decide(CALIBRATION_MIN_DECISIONS, approved_from=70)
    settings.PREQUALIFICATION_MIN_SCORE = 60
    assert (queue_threshold().score, queue_threshold().source) == (60.0, "setting")


def test_the_program_settings_page_shows_the_threshold_its_rate_and_its_source(client):
    client.force_login(ManagerFactory())
    page = client.get("/prequalification/program-settings/").content.decode()
    rate = DEFAULT_POLICY.calibration.above_threshold
    assert f"{DEFAULT_POLICY.proposal_threshold:g}".replace(".", ",") + "/100" in page
    assert f"{rate.approved * 100:.1f}".replace(".", ",") + "\u00a0%" in page
    assert "ensemble de référence" in page  # the gold set, in French
    decide(CALIBRATION_MIN_DECISIONS, approved_from=70)
    page = client.get("/prequalification/program-settings/").content.decode()
    assert "mesurées sur ces mêmes décisions" in page
    assert f"{CALIBRATION_MIN_DECISIONS}\u00a0décisions" in page or (
        f"{CALIBRATION_MIN_DECISIONS} décisions" in page
    )
