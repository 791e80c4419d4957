"""The learned ranker, trained from the decisions people made on proposed pairs.

The labels are prequalification's `DecisionLabel` rows (advisors' and employers' decisions,
graded 0–4, append-only: the latest decision on a pair counts). The features are the factor
values of the result the person saw (the proposal's copy of the breakdown), or else the pair's
current result. `ranker_retrain` (command `train_ranker`) activates a model once there are
enough labels; until then the hand-set policy scores.
"""

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from maillage.matching.engine_state import engine_reset
from maillage.matching.models import MatchResult, RankerModel
from matchcore.engine import ALL_FACTORS, TrainingReport, train_ranker


def _factor_values(breakdown: dict | None) -> list[float] | None:
    factors = (breakdown or {}).get("factors") or {}
    if not factors:
        return None
    values = []
    for factor in ALL_FACTORS:
        value = (factors.get(str(factor)) or {}).get("value")
        values.append(np.nan if value is None else float(value))
    return values


@transaction.atomic
def ranker_retrain(*, seed: int | None = None) -> tuple[RankerModel | None, TrainingReport]:
    """Train on the latest decision of every pair, grouped by posting; activate the model if
    training succeeded. Earlier models stay, inactive, for the record."""
    from maillage.prequalification.models import DecisionLabel

    latest: dict[tuple[int, int], DecisionLabel] = {}
    for label in DecisionLabel.objects.select_related("proposal").order_by("decided_at", "pk"):
        latest[(label.posting_id, label.candidate_id)] = label
    results = {
        (r.posting_id, r.candidate_id): r.breakdown
        for r in MatchResult.objects.filter(
            posting_id__in={p for p, _c in latest}, candidate_id__in={c for _p, c in latest}
        ).only("posting_id", "candidate_id", "breakdown")
    }
    rows, grades, groups = [], [], []
    current = None
    for key, label in sorted(latest.items()):
        seen = label.proposal.breakdown if label.proposal is not None else None
        values = _factor_values(seen) or _factor_values(results.get(key))
        if values is None:
            continue
        if key[0] != current:
            groups.append(0)
            current = key[0]
        groups[-1] += 1
        rows.append(values)
        grades.append(label.relevance)
    features = np.array(rows, dtype=np.float64).reshape(len(rows), len(ALL_FACTORS))
    ranker, report = train_ranker(
        features,
        np.array(grades, dtype=np.int64),
        groups,
        seed=settings.MATCHING_SEED if seed is None else seed,
        min_labels=settings.MATCHING_MIN_LABELS,
    )
    if ranker is None:
        return None, report
    RankerModel.objects.filter(is_active=True).update(is_active=False)
    model, _created = RankerModel.objects.update_or_create(
        version=ranker.version,
        defaults={
            "model_text": ranker.model_text,
            "center": ranker.center,
            "scale": ranker.scale,
            "labels": ranker.labels,
            "importance": ranker.importance,
            "trained_at": timezone.now(),
            "is_active": True,
        },
    )
    transaction.on_commit(engine_reset)
    return model, report
