"""Each process keeps one engine with every candidate in it, and brings it up to date from the
stored vectors before each use: `CandidateVector.updated_at` is the change log (every candidate
rematch touches it), so a worker loads only the candidates changed since it last looked. A
shrinking table (deleted candidates) or a new learned ranker rebuilds it from scratch.
"""

import threading
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db.models import Count, Max

from maillage.matching import selectors
from maillage.matching.models import CandidateVector, RankerModel
from maillage.matching.records import candidate_record, stored_vector, taxonomy
from matchcore.engine import DEFAULT_POLICY, MatchingEngine, Ranker
from matchcore.language.embedding import DIMENSION

_lock = threading.Lock()


@dataclass
class _State:
    engine: MatchingEngine
    watermark: datetime | None
    count: int
    ranker_version: str | None


_state: _State | None = None


def engine_reset() -> None:
    """Forget the process's engine (tests, or after a bulk change)."""
    global _state
    with _lock:
        _state = None


def active_ranker() -> Ranker | None:
    model = RankerModel.objects.filter(is_active=True).first()
    if model is None:
        return None
    return Ranker(model.model_text, model.center, model.scale, model.labels, model.importance)


def current_engine(*, today: date) -> MatchingEngine:
    """The process's engine, with every candidate changed since its last use reloaded."""
    global _state
    with _lock:
        summary = CandidateVector.objects.aggregate(latest=Max("updated_at"), count=Count("pk"))
        ranker = active_ranker()
        version = None if ranker is None else ranker.version
        state = _state
        if state is None or summary["count"] < state.count or version != state.ranker_version:
            engine = MatchingEngine(
                dims=DIMENSION,
                taxonomy=taxonomy(),
                policy=DEFAULT_POLICY,
                ranker=ranker,
            )
            engine.index.ann_min_rows = settings.MATCHING_ANN_MIN_CANDIDATES
            state = _State(engine, None, 0, version)
        changed = selectors.candidates_for_engine(updated_after=state.watermark)
        records = [
            candidate_record(
                profile,
                today=today,
                vector=stored_vector(getattr(profile, "match_vector", None)),
            )
            for profile in changed
        ]
        state.engine.upsert(records)
        state.engine.refresh_if_needed(seed=settings.MATCHING_SEED)
        state.watermark = summary["latest"]
        state.count = summary["count"]
        _state = state
        return state.engine
