"""Benchmark of the meeting-schedule solver on a session built from demo data.

    make bench-schedule        (or: .venv/bin/python -m benchmarks.schedule [--quick])

A session of 200 employers, 1,000 candidates and 12 slots (k = 3 meetings per candidate, one table
per employer) is built from the demo data (maillage.site.demo, seed 2026) in a private SQLite
database under var/bench-schedule/ (built once, reused). The acceptable pairs and their scores are
stored as MatchResult rows and read back by the activities app's own `schedule_inputs`, exactly as
the web app does; then the solver and the greedy baseline (highest score first, first free slot)
run on the same problem in the same process. Results: benchmarks/results/schedule.json.
`--quick` (CI): 20 employers × 100 candidates in var/bench-schedule-quick/, no CP-SAT comparison,
results in benchmarks/results/quick/ (benchmarks/provenance.py).

The scores are the matching engine's: before solving, every registered candidate is scored for
every posting brought (maillage.matching.services.pairs_rematch, as `schedule_compute` does in
the web app); the pairs that pass the engine's hard rules are the acceptable pairs and each pair's
score is its best posting's engine score (0-100).
"""

import argparse
import json
import os
import random
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 26)
SLOTS, K = 12, 3


@dataclass(frozen=True)
class Size:
    employers: int
    candidates: int
    # Demo companies: every 7th is left unverified (no posting), so 234 gives 200 verified employers.
    demo_companies: int
    var: Path


FULL = Size(200, 1000, 234, ROOT / "var" / "bench-schedule")
QUICK = Size(20, 100, 24, ROOT / "var" / "bench-schedule-quick")


def setup_django(size: Size) -> None:
    size.var.mkdir(parents=True, exist_ok=True)
    os.environ["MAILLAGE_VAR_DIR"] = str(size.var)
    # The language tools depend only on the reference data: share the project's build.
    os.environ.setdefault("LANGUAGE_TOOLS_DIR", str(ROOT / "var" / "language"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def build_data(size: Size) -> None:
    from django.core.management import call_command

    from maillage.candidates.models import CandidateProfile
    from maillage.site.demo import load_demo_data

    call_command("migrate", verbosity=0)
    call_command("load_reference_data", verbosity=0)
    if CandidateProfile.objects.count() < size.candidates:
        load_demo_data(
            candidates=size.candidates,
            companies=size.demo_companies,
            today=TODAY,
            with_showcase=False,
            with_matches=False,  # the session's pairs are scored below, as an activity does
        )


def build_session(size: Size):
    """The activity and its registrations (replaced each run)."""
    from django.db import transaction
    from django.utils import timezone

    from maillage.activities.models import (
        Activity,
        ActivityKind,
        CandidateRegistration,
        EmployerRegistration,
    )
    from maillage.candidates.models import CandidateProfile
    from maillage.core.choices import VerificationStatus
    from maillage.employers.models import Company, JobPosting, PostingStatus
    from maillage.regions.models import Region

    with transaction.atomic():
        Activity.objects.filter(title="Benchmark session").delete()
        activity = Activity.objects.create(
            kind=ActivityKind.VIRTUAL_FAIR,
            title="Benchmark session",
            region=Region.objects.get(code="01"),
            date=TODAY,
            starts_at="09:00",
            slot_count=SLOTS,
            slot_minutes=15,
            candidate_capacity=size.candidates,
            employer_capacity=size.employers,
            max_meetings_per_candidate=K,
            is_virtual=True,
        )
        companies = list(
            Company.objects.filter(
                verification_status=VerificationStatus.VERIFIED,
                postings__status=PostingStatus.PUBLISHED,
            )
            .distinct()
            .order_by("pk")[: size.employers]
        )
        registrations = EmployerRegistration.objects.bulk_create(
            [EmployerRegistration(activity=activity, company=c) for c in companies]
        )
        postings = list(
            JobPosting.objects.filter(company__in=companies, status=PostingStatus.PUBLISHED)
            .select_related("company")
            .order_by("pk")
        )
        through = EmployerRegistration.postings.through
        registration_of = {r.company_id: r.pk for r in registrations}
        through.objects.bulk_create(
            [
                through(employerregistration_id=registration_of[p.company_id], jobposting_id=p.pk)
                for p in postings
            ]
        )
        profiles = list(
            CandidateProfile.objects.order_by("pk").prefetch_related(
                "desired_occupations", "regions_of_interest", "experiences"
            )[: size.candidates]
        )
        now = timezone.now()
        CandidateRegistration.objects.bulk_create(
            [
                CandidateRegistration(
                    activity=activity,
                    candidate=p,
                    status=CandidateRegistration.Status.REGISTERED,
                    consented_at=now,
                )
                for p in profiles
            ]
        )
    return activity, len(profiles), len(companies)


def bound(value: float, digits: int = 2) -> float | None:
    """A bound or gap, or None when the solver proved none (JSON has no infinity)."""
    return None if value == float("inf") else round(value, digits)


def summary(result, eligible: int) -> dict:
    return {
        "total_score": round(result.total_score, 2),
        "meetings": len(result.meetings),
        "candidates_served": result.candidates_served,
        "candidates_served_share": round(result.candidates_served / eligible, 4)
        if eligible
        else 0.0,
        "seconds": round(result.seconds, 4),
        "eligible_candidates": eligible,
    }


def slot_pinned_variant(problem, solved, *, pins: int = 40, seed: int = 7):
    """The same session with `pins` meetings of the solver's schedule moved to another slot and
    pinned there, as advisors do: this goes through edge colouring with fixed slots, or CP-SAT."""
    from dataclasses import replace

    from matchcore.schedule import Pin, solve_schedule

    rng = random.Random(seed)
    chosen = rng.sample(list(solved.meetings), pins)
    busy_candidate, busy_employer, pinned = set(), set(), []
    for meeting in chosen:
        slot = (meeting.slot + rng.randint(1, SLOTS - 1)) % SLOTS
        if (meeting.candidate, slot) in busy_candidate or (meeting.employer, slot) in busy_employer:
            continue
        busy_candidate.add((meeting.candidate, slot))
        busy_employer.add((meeting.employer, slot))
        pinned.append(Pin(meeting.candidate, meeting.employer, slot))
    result = solve_schedule(replace(problem, pins=tuple(pinned)), time_limit=25)
    return {
        "pins": len(pinned),
        "method": result.method,
        "status": result.status.value,
        "total_score": round(result.total_score, 2),
        "upper_bound": bound(result.upper_bound),
        "gap": bound(result.gap, 6),
        "candidates_served": result.candidates_served,
        "seconds": round(result.seconds, 4),
    }


def cp_sat_alone(problem, *, time_limit: float = 25.0) -> dict:
    """CP-SAT on the whole (pair × slot) model, for comparison: what the flow saves."""
    from matchcore.schedule import solve_schedule

    result = solve_schedule(problem, time_limit=time_limit, method="cp-sat")
    return {
        "time_limit": time_limit,
        "status": result.status.value,
        "total_score": round(result.total_score, 2),
        "upper_bound": bound(result.upper_bound),
        "gap": bound(result.gap, 6),
        "candidates_served": result.candidates_served,
        "seconds": round(result.seconds, 2),
    }


def without_acceptable_employer(activity, problem) -> dict:
    """The registered candidates no employer can meet, and why: not eligible to the program
    (proof not verified, admitted too long ago, no right to work) or failing every posting's
    hard rules (region, French minimums, permit)."""
    from maillage.activities.selectors import registered_candidate_ids
    from maillage.matching.engine_state import current_engine

    engine = current_engine(today=TODAY)
    eligible = engine.eligible(today=TODAY)
    paired = {int(pair.candidate[1:]) for pair in problem.pairs}
    alone = [c for c in registered_candidate_ids(activity) if c not in paired]
    not_eligible = sum(
        1 for c in alone if c not in engine.store.row_of or not eligible[engine.store.row_of[c]]
    )
    return {
        "total": len(alone),
        "not_eligible": not_eligible,
        "fail_hard_rules": len(alone) - not_eligible,
    }


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small session (CI)")
    quick = parser.parse_args().quick
    size = QUICK if quick else FULL
    setup_django(size)
    from benchmarks import provenance

    run = provenance.start("schedule", quick=quick)
    started = time.perf_counter()
    build_data(size)
    activity, candidates, employers = build_session(size)
    prepared_seconds = time.perf_counter() - started

    from maillage.activities.services.scheduling import registered_pairs_score
    from maillage.matching.engine_state import current_engine

    scoring_started = time.perf_counter()
    registered_pairs_score(activity, today=TODAY)
    scoring_seconds = time.perf_counter() - scoring_started

    from maillage.activities.selectors import postings_brought, schedule_inputs
    from matchcore.schedule import greedy_schedule, solve_schedule

    inputs_started = time.perf_counter()
    inputs = schedule_inputs(activity)
    inputs_seconds = time.perf_counter() - inputs_started
    problem = inputs.problem
    postings = len(postings_brought(activity))
    unmatched = without_acceptable_employer(activity, problem)
    solver = solve_schedule(problem, time_limit=25)
    greedy = greedy_schedule(problem)
    eligible = solver.candidates_servable
    report = {
        "session": {
            "employers": employers,
            "candidates": candidates,
            "slots": SLOTS,
            "max_meetings_per_candidate": K,
            "tables_per_employer": 1,
            "postings": postings,
            "candidate_posting_pairs": candidates * postings,
            "acceptable_pairs": len(problem.pairs),
            "without_acceptable_employer": unmatched,
            "scores": "matching engine, every registered candidate x posting brought",
            "engine_version": current_engine(today=TODAY).version,
            "build_seconds": round(prepared_seconds, 1),
            "scoring_seconds": round(scoring_seconds, 1),
            "inputs_seconds": round(inputs_seconds, 3),
        },
        "solver": {
            **summary(solver, eligible),
            "upper_bound": bound(solver.upper_bound),
            "gap_to_bound": bound(solver.gap, 6),
            "status": solver.status.value,
            "method": solver.method,
        },
        "greedy": summary(greedy, eligible),
        "solver_over_greedy": round(solver.total_score / greedy.total_score - 1, 4)
        if greedy.total_score
        else None,
        "solver_with_slot_pins": slot_pinned_variant(problem, solver),
        "cp_sat_alone": None if quick else cp_sat_alone(problem),
        "targets": {
            "within_1_percent_of_bound": solver.gap <= 0.01,
            "every_eligible_candidate_served": solver.candidates_served == eligible,
            "under_30_seconds": solver.seconds < 30,
            "never_below_greedy": solver.total_score >= greedy.total_score - 1e-6,
        },
    }
    path = run.write(report)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"\nwritten to {path.relative_to(ROOT)}")
    return report


if __name__ == "__main__":
    main()
