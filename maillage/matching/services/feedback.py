"""The learned ranker, trained from the decisions people made on proposed pairs.

The decisions come from prequalification (`ranker_retrain` there reads its `DecisionLabel` rows
and hands them here: matching does not read them). The features are the factor values of the
result the person saw (the proposal's copy of the breakdown), or else the pair's current result.
`ranker_train` activates a model once there are enough labels; until then the hand-set policy
scores.
"""

from collections.abc import Sequence
from dataclasses import dataclass

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


@dataclass(frozen=True)
class DecisionExample:
    """The latest decision people made on one pair, graded 0–4, with the breakdown they saw."""

    posting_id: int
    candidate_id: int
    relevance: int
    seen_breakdown: dict | None


@transaction.atomic
def ranker_train(
    examples: Sequence[DecisionExample], *, seed: int | None = None
) -> tuple[RankerModel | None, TrainingReport]:
    """Train on the examples, grouped by posting; activate the model if training succeeded.
    Earlier models stay, inactive, for the record."""
    keys = {(e.posting_id, e.candidate_id) for e in examples}
    results = {
        (r.posting_id, r.candidate_id): r.breakdown
        for r in MatchResult.objects.filter(
            posting_id__in={p for p, _c in keys}, candidate_id__in={c for _p, c in keys}
        ).only("posting_id", "candidate_id", "breakdown")
    }
    rows, grades, groups = [], [], []
    current = None
    for example in sorted(examples, key=lambda e: (e.posting_id, e.candidate_id)):
        key = (example.posting_id, example.candidate_id)
        values = _factor_values(example.seen_breakdown) or _factor_values(results.get(key))
        if values is None:
            continue
        if key[0] != current:
            groups.append(0)
            current = key[0]
        groups[-1] += 1
        rows.append(values)
        grades.append(example.relevance)
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
