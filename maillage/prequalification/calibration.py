"""The advisors' queue threshold, recalibrated on the program's own decisions once they are enough.

Until then the shipped calibration (the gold set, `matching.calibration.proposal_threshold`)
holds. "Enough": `CALIBRATION_MIN_DECISIONS` advisor decisions (approve or reject) on pairs the
engine now in use scored, with at least `CALIBRATION_MIN_EACH` of each kind. With 100 decisions
the share approved is known to about ±10 points (95 % interval: 1.96 × √(0.25 / 100)); with
fewer, the 2,400 graded pairs of the gold set say more.

Advisors only decide what reached their queue, so decisions see scores from the current
threshold up: they can raise the threshold (advisors reject too much of the bottom of the queue)
but not lower it below the lowest score they have decided.
"""

import numpy as np
from django.core.cache import cache
from django.db.models import Count, Max

from maillage.matching.calibration import (
    ProposalThreshold,
    ThresholdSource,
    active_engine_version,
    proposal_threshold,
)
from maillage.prequalification.models import DecisionLabel, LabelKind, LabelSource
from matchcore.engine import DEFAULT_POLICY
from matchcore.engine.calibration import (
    PROPOSAL_APPROVAL,
    approval_curve,
    shares_approved,
)

CALIBRATION_MIN_DECISIONS = 100
CALIBRATION_MIN_EACH = 10
_DECISIONS = (LabelKind.ADVISOR_APPROVED, LabelKind.ADVISOR_REJECTED)


def _advisor_decisions(engine_version: str):
    return DecisionLabel.objects.filter(
        source=LabelSource.ADVISOR,
        label__in=_DECISIONS,
        score__isnull=False,
        engine_version=engine_version,
    )


def decided_pairs(engine_version: str) -> list[tuple[float, bool]]:
    """(score seen, approved) of the latest advisor decision of each pair on that engine."""
    latest: dict[tuple[int, int], tuple[float, bool]] = {}
    rows = (
        _advisor_decisions(engine_version)
        .order_by("decided_at", "pk")
        .values_list("posting_id", "candidate_id", "score", "label")
    )
    for posting_id, candidate_id, score, label in rows:
        latest[(posting_id, candidate_id)] = (float(score), label == LabelKind.ADVISOR_APPROVED)
    return list(latest.values())


def queue_threshold() -> ProposalThreshold:
    """The threshold the queue and the activity schedules use: from the advisors' decisions
    when they are enough, else the shipped one (see the module's docstring)."""
    shipped = proposal_threshold()
    if shipped.source == ThresholdSource.SETTING:
        return shipped
    version = shipped.engine_version
    # Cheap fingerprint of the decisions: the fit is redone only when a decision is added.
    state = _advisor_decisions(version).aggregate(count=Count("pk"), last=Max("pk"))
    if (state["count"] or 0) < CALIBRATION_MIN_DECISIONS:
        return shipped
    key = f"prequalification:queue-threshold:{version}:{state['count']}:{state['last']}"
    found = cache.get(key)
    if found is None:
        found = _from_decisions(version, shipped)
        cache.set(key, found, 3600)
    return found


def _from_decisions(version: str, shipped: ProposalThreshold) -> ProposalThreshold:
    pairs = decided_pairs(version)
    scores = np.array([s for s, _a in pairs])
    approved = np.array([a for _s, a in pairs], dtype=bool)
    each = min(int(approved.sum()), int((~approved).sum()))
    curve = approval_curve(scores, approved)
    if len(pairs) < CALIBRATION_MIN_DECISIONS or each < CALIBRATION_MIN_EACH or curve is None:
        return shipped
    threshold = max(curve.score_for(PROPOSAL_APPROVAL), float(scores.min()))
    by_star, above = shares_approved(scores, approved, DEFAULT_POLICY.star_thresholds, threshold)
    return ProposalThreshold(
        threshold,
        above.approved,
        version,
        is_calibrated=True,
        source=ThresholdSource.DECISIONS,
        by_star=by_star,
        above_threshold=above,
    )


def decisions_count(engine_version: str | None = None) -> int:
    """Advisor decisions on pairs the engine in use scored (what counts towards recalibration)."""
    return _advisor_decisions(engine_version or active_engine_version()).count()
