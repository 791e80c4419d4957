"""The schedule solver's one entry point."""

import time

from matchcore.schedule.colouring import colour_bipartite
from matchcore.schedule.contracts import (
    SCORE_SCALE,
    Meeting,
    ScheduleError,
    ScheduleProblem,
    ScheduleResult,
    SolveStatus,
)
from matchcore.schedule.cpsat import solve_cpsat
from matchcore.schedule.flow import best_meetings
from matchcore.schedule.greedy import greedy_meetings
from matchcore.schedule.prepared import Prepared, prepare


def solve_schedule(
    problem: ScheduleProblem, *, time_limit: float = 20.0, method: str = "auto"
) -> ScheduleResult:
    """Best schedule for the problem.

    The slot-free optimum (min-cost flow) is given slots by edge colouring, meetings pinned to a slot
    first; when every meeting fits, the schedule is proven optimal (milliseconds). When pinned slots
    block it, CP-SAT searches for `time_limit` seconds and the result says whether it proved
    optimality, with the upper bound it proved. method "cp-sat" always runs CP-SAT (for checks).
    Raises ScheduleError when the problem or its pins cannot be honoured.
    """
    started = time.perf_counter()
    prep = prepare(problem)
    if method not in {"auto", "cp-sat"}:
        raise ValueError(f"unknown method {method!r}")
    relaxed = best_meetings(prep)  # the best set of meetings when slots are ignored
    meetings, complete = _colour(prep, relaxed)
    if complete and method == "auto":
        # Every meeting of the slot-free optimum found a slot (pins included): proven optimal.
        return _result(prep, meetings, SolveStatus.OPTIMAL, "flow", started)
    # Some pinned slots block the colouring: CP-SAT, started from the best of the partial colouring
    # and the greedy schedule, bounded by the slot-free optimum.
    # method "cp-sat" (for comparisons) starts from the greedy schedule alone.
    starts = (greedy_meetings(prep),) if method == "cp-sat" else (meetings, greedy_meetings(prep))
    candidates = [m for m in starts if _honours_pins(prep, m)]
    hint = max(candidates, key=_rank) if candidates else []
    outcome = solve_cpsat(prep, hint=hint, time_limit=time_limit)
    relaxed_served = len({prep.edges[edge][0] for edge in relaxed})
    relaxed_score = sum(prep.weights[edge] for edge in relaxed)
    status = SolveStatus.FEASIBLE
    best = hint
    if outcome.meetings is None and not candidates:
        raise ScheduleError("no_schedule_found")
    if outcome.meetings is not None and (not candidates or _rank(outcome.meetings) >= _rank(hint)):
        best = outcome.meetings
        status = SolveStatus.OPTIMAL if outcome.is_optimal else SolveStatus.FEASIBLE
    served = len({m.candidate for m in best})
    # Any schedule serving at least `served` candidates scores at most the objective bound less the
    # bonus for `served`; when it serves as many as the slot-free optimum, that optimum bounds it too.
    bound_int = relaxed_score if served == relaxed_served else None
    if outcome.meetings is not None:
        from_cpsat = outcome.objective_bound - outcome.bonus * served
        bound_int = from_cpsat if bound_int is None else min(bound_int, from_cpsat)
    total = _total(best)
    if bound_int is not None and round(bound_int) <= round(total * SCORE_SCALE):
        status = SolveStatus.OPTIMAL
    bound = (
        total
        if status == SolveStatus.OPTIMAL
        else (float("inf") if bound_int is None else max(total, bound_int / SCORE_SCALE))
    )
    return _result(prep, best, status, "cp-sat", started, bound=bound)


def _honours_pins(prep: Prepared, meetings: list[Meeting]) -> bool:
    problem = prep.problem
    held = {(m.candidate, m.employer): m.slot for m in meetings}
    for edge in prep.pinned_edges:
        c, e = prep.edges[edge]
        key = (problem.candidates[c], problem.employers[e])
        if key not in held or prep.slot_pins.get(edge, held[key]) != held[key]:
            return False
    return True


def _rank(meetings: list[Meeting]) -> tuple[int, float]:
    return len({m.candidate for m in meetings}), _total(meetings)


def _colour(prep: Prepared, chosen: list[int]) -> tuple[list[Meeting], bool]:
    """Slots for the chosen meetings; False when some could not be placed (they are left out)."""
    edges = [prep.edges[edge] for edge in chosen]
    fixed = {i: prep.slot_pins[edge] for i, edge in enumerate(chosen) if edge in prep.slot_pins}
    places = colour_bipartite(edges, prep.employer_tables, prep.slots, fixed)
    problem = prep.problem
    meetings = [
        Meeting(problem.candidates[c], problem.employers[e], place[0], place[1], prep.scores[edge])
        for edge, (c, e), place in zip(chosen, edges, places, strict=True)
        if place is not None
    ]
    return meetings, len(meetings) == len(chosen)


def _total(meetings: list[Meeting]) -> float:
    return round(sum(m.score for m in meetings), 6)


def _result(
    prep: Prepared,
    meetings: list[Meeting],
    status: SolveStatus,
    method: str,
    started: float,
    *,
    bound: float | None = None,
) -> ScheduleResult:
    total = _total(meetings)
    ordered = sorted(meetings, key=lambda m: (m.slot, m.employer, m.table, m.candidate))
    return ScheduleResult(
        meetings=tuple(ordered),
        status=status,
        total_score=total,
        upper_bound=total if bound is None else bound,
        candidates_served=len({m.candidate for m in meetings}),
        candidates_servable=prep.servable,
        method=method,
        seconds=time.perf_counter() - started,
    )
