"""Speed of the household joint search (issue 15, part 4): a welder's and a care aide's
rankings over 10,000 published postings joined on place (`matchcore.households.joint_search`).

Postings (seeded) sit in Québec's municipalities that have coordinates
(data/quebec_geo/quebec_municipalities_with_coords.csv), drawn by population, so Montréal and
Québec hold many of them as in life; a third are welding jobs (72106), a third care-aide jobs
(33102), the rest other trades; French minimums vary. The two rankings are the engine's own
(`MatchingEngine.postings_for_candidate`, admissible postings only), timed apart: in the app they
are the stored match results, read in one query each. The join is then timed alone (best 10
pairs, regions by good pairs, 40 km) and, as a worst case, on two rankings that hold every
posting with random scores (both partners admissible everywhere).

Times are CPU time (`time.process_time`) of this process: the machine is shared and its load
average is in the provenance block.

Run: python -m benchmarks.household_speed [--quick]
"""

import argparse
import csv
import random
import statistics
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks import provenance
from matchcore.engine import (
    DEFAULT_POLICY,
    CandidateRecord,
    Experience,
    LanguageLevels,
    MatchingEngine,
    Place,
    PostingRecord,
)
from matchcore.households import RankedPosting, joint_search

TODAY = date(2026, 11, 26)
SEED = 2026
PLACES = (
    Path(__file__).resolve().parent.parent
    / "data"
    / "quebec_geo"
    / "quebec_municipalities_with_coords.csv"
)
OCCUPATIONS = ["72106", "33102", "73300", "65200", "94141", "75110"]


def load_places() -> list[tuple[str, float, float, int]]:
    with PLACES.open(encoding="utf-8") as handle:
        return [
            (row["region_code"], float(row["lat"]), float(row["lng"]), int(row["population"] or 1))
            for row in csv.DictReader(handle)
            if row["lat"] and row["lng"]
        ]


def make_postings(n: int, rng: random.Random) -> list[PostingRecord]:
    places = load_places()
    weights = [population for *_rest, population in places]
    chosen = rng.choices(places, weights=weights, k=n)
    postings = []
    for i, (region, lat, lng, _population) in enumerate(chosen):
        level = rng.choice([None, None, 5, 6, 7])
        postings.append(
            PostingRecord(
                id=i,
                noc=rng.choices(OCCUPATIONS, weights=[3, 3, 1, 1, 1, 1])[0],
                min_french=LanguageLevels(level, level, None, None),
                place=Place(region, lat, lng),
                start_date=TODAY + timedelta(days=rng.randint(0, 120)),
            )
        )
    return postings


def _person(candidate_id: int, noc: str) -> CandidateRecord:
    """A verified permanent resident of Trois-Rivières, ready to move anywhere."""
    return CandidateRecord(
        id=candidate_id,
        admission_date=TODAY - timedelta(days=400),
        immigration_status="permanent_resident",
        is_verified=True,
        desired_occupations=(noc,),
        experiences=(Experience(months=60, noc=noc),),
        education_level=2,
        french=LanguageLevels.uniform(7),
        home=Place("04", 46.3432, -72.5477),
        is_open_to_all_regions=True,
        is_ready_to_relocate=True,
        available_from=TODAY,
    )


def ranking(engine: MatchingEngine, person: CandidateRecord, postings) -> list[RankedPosting]:
    places = {p.id: p.place for p in postings}
    return [
        RankedPosting(
            r.posting_id,
            r.score,
            r.stars,
            places[r.posting_id].region_code,
            places[r.posting_id].latitude,
            places[r.posting_id].longitude,
        )
        for r in engine.postings_for_candidate(person, postings, today=TODAY)
        if not r.is_excluded
    ]


def cpu_ms(function, repeats: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(repeats):
        started = time.process_time()
        result = function()
        times.append((time.process_time() - started) * 1000)
    return times, result


def summary(times: list[float]) -> dict:
    ordered = sorted(times)
    return {
        "runs": len(times),
        "p50_cpu_ms": round(statistics.median(times), 2),
        "p95_cpu_ms": round(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))], 2),
        "max_cpu_ms": round(max(times), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    run = provenance.start("household_speed", quick=args.quick)
    rng = random.Random(SEED)
    postings = make_postings(1_000 if args.quick else 10_000, rng)
    engine = MatchingEngine(dims=8, policy=DEFAULT_POLICY)
    started = time.process_time()
    welder = ranking(engine, _person(1, "72106"), postings)
    care_aide = ranking(engine, _person(2, "33102"), postings)
    rankings_ms = (time.process_time() - started) * 1000
    repeats = 5 if args.quick else 20
    times, found = cpu_ms(lambda: joint_search(welder, care_aide, max_km=40, limit=10), repeats)
    worst_a = [
        RankedPosting(p.id, rng.uniform(0, 100), rng.randint(1, 5), *_coords(p)) for p in postings
    ]
    worst_b = [
        RankedPosting(p.id, rng.uniform(0, 100), rng.randint(1, 5), *_coords(p)) for p in postings
    ]
    worst_times, worst = cpu_ms(lambda: joint_search(worst_a, worst_b, limit=10), repeats)
    report = {
        "postings": len(postings),
        "max_km": 40,
        "engine_rankings_cpu_ms": round(rankings_ms, 1),
        "welder_admissible": len(welder),
        "care_aide_admissible": len(care_aide),
        "joint_search": summary(times),
        "pairs_returned": len(found.pairs),
        "regions_with_good_pairs": len(found.regions),
        "best_region": (
            {"code": found.regions[0].region_code, "good_pairs": found.regions[0].good_pairs}
            if found.regions
            else None
        ),
        "worst_case_every_posting_admissible_for_both": {
            **summary(worst_times),
            "regions_with_good_pairs": len(worst.regions),
            "good_pairs_in_best_region": worst.regions[0].good_pairs if worst.regions else 0,
        },
        "target_ms": 1000,
    }
    path = run.write(report)
    print(path)
    print(report)


def _coords(posting: PostingRecord) -> tuple:
    return posting.place.region_code, posting.place.latitude, posting.place.longitude


if __name__ == "__main__":
    main()
