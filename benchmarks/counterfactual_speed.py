"""Speed of the counterfactuals (issue 15): "what would open more doors" for a candidate over
10,000 published postings, and "what would widen my pool" for a posting over 100,000 candidates.

Synthetic records (seeded): postings with the usual spread of French minimums (none, 5, 7, 9 in
some skills), English minimums, must-have cards (a few of 8), regions, start dates and
employer-specific-permit acceptance; candidates with levels, regions, skills, availability and
statuses drawn the same way. A candidate's time is what the page pays: the feasible changes,
`doors_opened` (the engine's hard rules on the changed profile) and the best five. A posting's
time: `pool_widening` over the candidates' masks for its relaxations.

Run: python -m benchmarks.counterfactual_speed [--quick]
"""

import argparse
import random
import statistics
import time
from datetime import date, timedelta

from benchmarks import provenance
from matchcore.engine import DEFAULT_POLICY, CandidateRecord, LanguageLevels, Place, PostingRecord
from matchcore.engine.contracts import LANGUAGE_SKILLS, Skill
from matchcore.engine.counterfactuals import (
    PostingColumns,
    Relaxation,
    RelaxationKind,
    best_doors,
    doors_opened,
    feasible_changes,
    pool_widening,
)
from matchcore.engine.store import CandidateStore

TODAY = date(2026, 11, 26)
REGIONS = [f"{n:02d}" for n in range(1, 18)]
CARDS = [
    Skill("Permis de conduire classe 1"),
    Skill("Permis de conduire classe 3"),
    Skill("Carte de compétence CCQ"),
    Skill("Certificat de soudage CWB"),
    Skill("Attestation PDSB"),
    Skill("Formation SIMDUT"),
    Skill("Carte ASP Construction"),
    Skill("Licence d'électricien"),
]


def _levels(rng: random.Random, choices: list[int | None]) -> LanguageLevels:
    return LanguageLevels(*(rng.choice(choices) for _ in LANGUAGE_SKILLS))


def make_postings(n: int, rng: random.Random) -> list[PostingRecord]:
    postings = []
    for i in range(n):
        must = tuple(rng.sample(CARDS, rng.choice([0, 0, 0, 1, 1, 2])))
        postings.append(
            PostingRecord(
                id=i,
                min_french=_levels(rng, [None, None, 5, 7, 7, 9]),
                min_english=rng.choice([None, None, None, 5, 7]),
                must_haves=must,
                required_skills=must,
                place=Place(rng.choice(REGIONS)),
                start_date=TODAY + timedelta(days=rng.randint(0, 120)),
                accepts_employer_specific_permit=rng.random() < 0.3,
            )
        )
    return postings


def make_candidates(n: int, rng: random.Random) -> list[CandidateRecord]:
    candidates = []
    for i in range(n):
        candidates.append(
            CandidateRecord(
                id=i,
                admission_date=TODAY - timedelta(days=rng.randint(30, 1500)),
                immigration_status=rng.choice(
                    ["permanent_resident", "permanent_resident", "open_work_permit"]
                ),
                permit_expires_on=TODAY + timedelta(days=rng.randint(200, 900)),
                is_verified=True,
                skills=tuple(rng.sample(CARDS, rng.choice([0, 1, 2]))),
                french=_levels(rng, [4, 5, 6, 7, 8, 9]),
                english=_levels(rng, [None, 4, 6, 8]),
                home=Place(rng.choice(REGIONS)),
                region_codes=frozenset(rng.sample(REGIONS, rng.choice([1, 2, 3]))),
                is_ready_to_relocate=rng.random() < 0.2,
                available_from=TODAY + timedelta(days=rng.randint(0, 150)),
            )
        )
    return candidates


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def time_candidates(postings, candidates) -> dict:
    started = time.perf_counter()
    columns = PostingColumns(postings, policy=DEFAULT_POLICY)
    build_ms = (time.perf_counter() - started) * 1000
    times, counts, opened_counts = [], [], []
    for candidate in candidates:
        started = time.perf_counter()
        changes = feasible_changes(candidate, postings, today=TODAY)
        opened = doors_opened(candidate, columns, changes, today=TODAY)
        best = best_doors(opened, limit=5)
        times.append((time.perf_counter() - started) * 1000)
        counts.append(len(changes))
        opened_counts.append(best[0].count if best else 0)
    return {
        "postings": len(postings),
        "candidates_timed": len(candidates),
        "columns_build_ms": round(build_ms, 1),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1),
        "changes_tried_median": statistics.median(counts),
        "best_change_opens_median": statistics.median(opened_counts),
    }


def time_postings(store: CandidateStore, postings) -> dict:
    times = []
    for posting in postings:
        started = time.perf_counter()
        relaxations = [
            Relaxation(RelaxationKind.FRENCH, skill=skill, level=None)
            for skill, level in posting.min_french.items()
            if level is not None
        ]
        relaxations.append(Relaxation(RelaxationKind.EMPLOYER_SPECIFIC_PERMIT))
        relaxations += [
            Relaxation(RelaxationKind.MUST_HAVE, must_have=s) for s in posting.must_haves
        ]
        pool_widening(store, posting, relaxations, today=TODAY)
        times.append((time.perf_counter() - started) * 1000)
    return {
        "candidates": store.size,
        "postings_timed": len(postings),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(percentile(times, 0.95), 1),
        "max_ms": round(max(times), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    run = provenance.start("counterfactual_speed", quick=args.quick)
    rng = random.Random(2026)
    postings = make_postings(1_000 if args.quick else 10_000, rng)
    timed = make_candidates(20 if args.quick else 100, rng)
    candidates = time_candidates(postings, timed)
    store = CandidateStore(policy=DEFAULT_POLICY)
    store.add(make_candidates(10_000 if args.quick else 100_000, rng))
    pool = time_postings(store, postings[:50])
    path = run.write({"candidate_doors": candidates, "posting_pool": pool})
    print(path)
    print(candidates)
    print(pool)


if __name__ == "__main__":
    main()
