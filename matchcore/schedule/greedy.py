"""The baseline: highest score first, each meeting in the first slot where both sides are free."""

import time

from matchcore.schedule.contracts import Meeting, ScheduleProblem, ScheduleResult, SolveStatus
from matchcore.schedule.prepared import Prepared, prepare


def greedy_schedule(problem: ScheduleProblem) -> ScheduleResult:
    started = time.perf_counter()
    prep = prepare(problem)
    meetings = greedy_meetings(prep)
    total = sum(m.score for m in meetings)
    return ScheduleResult(
        meetings=tuple(meetings),
        status=SolveStatus.FEASIBLE,
        total_score=total,
        upper_bound=float("inf"),
        candidates_served=len({m.candidate for m in meetings}),
        candidates_servable=prep.servable,
        method="greedy",
        seconds=time.perf_counter() - started,
    )


def greedy_meetings(prep: Prepared) -> list[Meeting]:
    """Pins first (slot pins at their slot, then pair pins), then the other pairs by score."""
    problem = prep.problem
    busy_candidate: set[tuple[int, int]] = set()
    tables_used: dict[tuple[int, int], int] = {}
    count: dict[int, int] = {}
    meetings: list[Meeting] = []

    def place(edge: int, slots: range | tuple[int, ...]) -> bool:
        c, e = prep.edges[edge]
        if count.get(c, 0) >= prep.candidate_cap[c]:
            return False
        for slot in slots:
            used = tables_used.get((e, slot), 0)
            if (c, slot) in busy_candidate or used >= prep.employer_tables[e]:
                continue
            busy_candidate.add((c, slot))
            tables_used[e, slot] = used + 1
            count[c] = count.get(c, 0) + 1
            meetings.append(
                Meeting(problem.candidates[c], problem.employers[e], slot, used, prep.scores[edge])
            )
            return True
        return False

    all_slots = range(prep.slots)
    for edge, slot in sorted(prep.slot_pins.items()):
        place(edge, (slot,))
    for edge in sorted(prep.pinned_edges - prep.slot_pins.keys()):
        place(edge, all_slots)
    order = sorted(
        (e for e in range(len(prep.edges)) if e not in prep.pinned_edges),
        key=lambda e: (-prep.weights[e], e),
    )
    for edge in order:
        place(edge, all_slots)
    return meetings
