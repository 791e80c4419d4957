"""Decisions on proposed pairs, and the learned ranker trained from them.

Prequalification (advisors) and interviews (employers) call `match_feedback_record` when a
decision is made; `ranker_retrain` (command `train_ranker`) turns the decisions into a lambdarank
model once there are enough, and activates it. Until then the hand-set policy scores.
"""

from datetime import datetime

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from maillage.candidates.models import CandidateProfile
from maillage.employers.models import JobPosting
from maillage.matching.engine_state import engine_reset
from maillage.matching.models import FeedbackOutcome, MatchFeedback, MatchResult, RankerModel
from matchcore.engine import ALL_FACTORS, TrainingReport, train_ranker


@transaction.atomic
def match_feedback_record(
    *,
    candidate: CandidateProfile,
    posting: JobPosting,
    outcome: FeedbackOutcome,
    decided_at: datetime | None = None,
) -> MatchFeedback:
    """Record a decision with the factor values of the result the person saw."""
    result = MatchResult.objects.filter(candidate=candidate, posting=posting).first()
    factors = (result.breakdown if result else {}).get("factors", {})
    features = {name: values.get("value") for name, values in factors.items()}
    feedback, _created = MatchFeedback.objects.update_or_create(
        candidate=candidate,
        posting=posting,
        outcome=outcome,
        defaults={
            "features": features,
            "engine_version": result.engine_version if result else "",
            "decided_at": decided_at or timezone.now(),
        },
    )
    return feedback


@transaction.atomic
def ranker_retrain(*, seed: int | None = None) -> tuple[RankerModel | None, TrainingReport]:
    """Train on every decision (the strongest grade per pair, grouped by posting); activate the
    model if training succeeded. The previous models stay, inactive, for the record."""
    best: dict[tuple[int, int], MatchFeedback] = {}
    for feedback in MatchFeedback.objects.order_by("posting_id", "candidate_id", "pk"):
        key = (feedback.posting_id, feedback.candidate_id)
        if key not in best or feedback.grade > best[key].grade:
            best[key] = feedback
    rows, grades, groups = [], [], []
    current = None
    for (posting_id, _candidate_id), feedback in sorted(best.items()):
        if posting_id != current:
            groups.append(0)
            current = posting_id
        groups[-1] += 1
        rows.append(
            [
                np.nan if feedback.features.get(str(f)) is None else feedback.features[str(f)]
                for f in ALL_FACTORS
            ]
        )
        grades.append(feedback.grade)
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
