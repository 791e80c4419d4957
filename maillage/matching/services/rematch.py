"""Recomputing matches: a posting's candidates, a candidate's postings, or everything.

Results are upserted, never deleted: a pair an advisor already acted on keeps its row, rescored
(possibly now excluded, with the reason). Each row records the engine version and when it was
computed, so the explanation shown is always that of the stored score.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from maillage.candidates.models import CandidateProfile
from maillage.core.jobs import Report, background_job_request
from maillage.core.models import BackgroundJob
from maillage.core.progress import progress
from maillage.employers.models import PostingStatus
from maillage.matching import selectors
from maillage.matching.engine_state import current_engine
from maillage.matching.models import MatchResult
from maillage.matching.records import candidate_record, posting_record, stored_vector
from maillage.matching.services.vectors import (
    candidate_vector_refresh,
    candidate_vectors_refresh,
    posting_vector_refresh,
)
from matchcore.engine import MatchResult as EngineResult

# Excluded postings a candidate still sees, to know what keeps them out ("why not").
EXCLUDED_SHOWN_TO_CANDIDATE = 10
# Profiles embedded together (one call to the model for all their sentences).
VECTOR_CHUNK = 500


def _store(results: list[EngineResult]) -> int:
    """Upsert the results (one row per candidate × posting)."""
    if not results:
        return 0
    now = timezone.now()
    pairs = {(r.candidate_id, r.posting_id): r for r in results}
    candidate_ids = {c for c, _p in pairs}
    posting_ids = {p for _c, p in pairs}
    existing_candidates = set(
        CandidateProfile.objects.filter(pk__in=candidate_ids).values_list("pk", flat=True)
    )
    existing = {
        (row.candidate_id, row.posting_id): row
        for row in MatchResult.objects.filter(
            candidate_id__in=candidate_ids, posting_id__in=posting_ids
        )
    }
    to_update, to_create = [], []
    for (candidate_id, posting_id), result in sorted(pairs.items(), key=lambda kv: str(kv[0])):
        if candidate_id not in existing_candidates:
            continue  # deleted since the engine loaded it
        row = existing.get((candidate_id, posting_id)) or MatchResult(
            candidate_id=candidate_id, posting_id=posting_id
        )
        row.score = round(result.score, 2)
        row.stars = result.stars
        row.is_excluded = result.is_excluded
        row.breakdown = result.breakdown()
        row.reasons = result.reasons_json()
        row.engine_version = result.engine_version
        row.computed_at = now
        (to_update if row.pk else to_create).append(row)
    fields = [
        "score",
        "stars",
        "is_excluded",
        "breakdown",
        "reasons",
        "engine_version",
        "computed_at",
    ]
    MatchResult.objects.bulk_update(to_update, fields, batch_size=500)
    MatchResult.objects.bulk_create(to_create, batch_size=500)
    return len(to_update) + len(to_create)


@transaction.atomic
def posting_rematch(*, posting_id: int, today: date) -> int:
    """The posting's best candidates, and every pair already stored for it, scored again.
    A posting deleted or unpublished since the task was queued gives 0."""
    posting = selectors.posting_for_engine(posting_id)
    if posting is None or posting.status != PostingStatus.PUBLISHED:
        return 0
    vector = stored_vector(posting_vector_refresh(posting=posting))
    record = posting_record(posting, vector=vector)
    engine = current_engine(today=today)
    results = engine.candidates_for_posting(
        record, today=today, k=settings.MATCHING_RESULTS_PER_POSTING
    )
    found = {r.candidate_id for r in results}
    stored = [
        c
        for c in MatchResult.objects.filter(posting_id=posting_id).values_list(
            "candidate_id", flat=True
        )
        if c not in found and c in engine.store.row_of
    ]
    results += engine.score_pairs(engine.records(stored), record, today=today)
    return _store(results)


@transaction.atomic
def candidate_rematch(*, candidate_id: int, today: date) -> int:
    """Every published posting scored for this candidate; the best ones (and the closest
    exclusions, with their reasons) stored, with every pair already stored scored again.
    A candidate deleted since the task was queued gives 0."""
    profile = selectors.candidate_for_engine(candidate_id)
    if profile is None:
        return 0
    vector_row = candidate_vector_refresh(profile=profile)
    record = candidate_record(profile, today=today, vector=stored_vector(vector_row))
    engine = current_engine(today=today)
    postings = [
        posting_record(p, vector=stored_vector(getattr(p, "match_vector", None)))
        for p in selectors.postings_for_engine()
    ]
    results = engine.postings_for_candidate(record, postings, today=today)
    stored = set(
        MatchResult.objects.filter(candidate_id=candidate_id).values_list("posting_id", flat=True)
    )
    admissible = [r for r in results if not r.is_excluded][
        : settings.MATCHING_RESULTS_PER_CANDIDATE
    ]
    excluded = [r for r in results if r.is_excluded][:EXCLUDED_SHOWN_TO_CANDIDATE]
    kept = {r.posting_id for r in admissible + excluded}
    return _store(admissible + excluded + [r for r in results if r.posting_id in stored - kept])


@transaction.atomic
def pairs_rematch(*, candidate_ids: list[int], posting_ids: list[int], today: date) -> int:
    """Every given candidate scored for every given published posting, as an activity needs
    (its registered candidates × the postings its employers bring), whether or not the pair made
    a top list: the pairs that pass the hard rules are stored, pairs already stored are rescored."""
    engine = current_engine(today=today)
    rows = np.array(
        sorted(engine.store.row_of[c] for c in set(candidate_ids) if c in engine.store.row_of),
        dtype=np.int64,
    )
    if not len(rows):
        return 0
    stored: dict[int, set[int]] = defaultdict(set)  # candidates already stored, by posting
    for candidate_id, posting_id in MatchResult.objects.filter(
        candidate_id__in=candidate_ids, posting_id__in=posting_ids
    ).values_list("candidate_id", "posting_id"):
        stored[posting_id].add(candidate_id)
    eligible = engine.eligible(today=today)
    results: list[EngineResult] = []
    for posting in selectors.postings_for_engine().filter(pk__in=posting_ids):
        record = posting_record(
            posting, vector=stored_vector(getattr(posting, "match_vector", None))
        )
        admissible = rows[engine.store.admissible(record, today=today, base=eligible)[rows]]
        ids = {engine.store.ids[row] for row in admissible.tolist()}
        ids |= {c for c in stored[posting.pk] if c in engine.store.row_of}
        results += engine.score_pairs(engine.records(sorted(ids)), record, today=today)
    return _store(results)


@dataclass(frozen=True)
class RematchSummary:
    postings: int
    candidates: int
    results: int
    engine_version: str


def rematch_all(
    *, today: date, description: str = "Rematch", report: Report | None = None
) -> RematchSummary:
    """Refresh every vector, then rematch every published posting and every candidate.
    `report(done, total, step)` hears of each step (the manager's progress page)."""
    report = report or (lambda done, total, step: None)
    profiles = list(selectors.candidates_for_engine(updated_after=None))
    chunks = [profiles[i : i + VECTOR_CHUNK] for i in range(0, len(profiles), VECTOR_CHUNK)]
    posting_ids = list(selectors.postings_for_engine().values_list("pk", flat=True))
    total = len(chunks) + len(posting_ids) + len(profiles)
    done = 0
    for chunk in progress(chunks, description=f"{description}: vectors", total=len(chunks)):
        report(done, total, gettext_lazy("Computing the profiles' text vectors"))
        candidate_vectors_refresh(profiles=chunk)
        done += 1
    stored = 0
    for posting_id in progress(posting_ids, description=f"{description}: postings"):
        report(done, total, gettext_lazy("Matching every published posting"))
        stored += posting_rematch(posting_id=posting_id, today=today)
        done += 1
    for profile in progress(profiles, description=f"{description}: candidates"):
        report(done, total, gettext_lazy("Matching every candidate"))
        stored += candidate_rematch(candidate_id=profile.pk, today=today)
        done += 1
    version = current_engine(today=today).version
    return RematchSummary(len(posting_ids), len(profiles), stored, version)


REMATCH_ALL_JOB = "matching.rematch_all"


def rematch_all_request(*, by) -> tuple[BackgroundJob, bool]:
    """Queue a full rematch (a task: minutes on a large program), or return the one running.
    Returns (job, created)."""
    return background_job_request(
        kind=REMATCH_ALL_JOB, subject="", by=by, task="maillage.matching.tasks.rematch_all_job"
    )
