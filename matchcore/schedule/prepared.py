"""Checks a ScheduleProblem once and turns it into integer indices shared by every solver."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from matchcore.schedule.contracts import SCORE_SCALE, Pair, ScheduleError, ScheduleProblem


@dataclass(frozen=True)
class Prepared:
    problem: ScheduleProblem
    # Usable pairs (acceptable and not forbidden), as (candidate index, employer index).
    edges: tuple[tuple[int, int], ...]
    weights: tuple[int, ...]  # integer scores, SCORE_SCALE steps per point
    scores: tuple[float, ...]
    candidate_cap: tuple[int, ...]  # most meetings each candidate may have
    employer_tables: tuple[int, ...]
    pinned_edges: frozenset[int]  # indices into edges
    slot_pins: dict[int, int]  # edge index -> slot
    servable: int  # candidates with at least one usable pair

    @property
    def slots(self) -> int:
        return self.problem.slots


def prepare(problem: ScheduleProblem) -> Prepared:
    if problem.slots < 1:
        raise ScheduleError("no_slots")
    if problem.max_meetings_per_candidate < 1:
        raise ScheduleError("bad_meeting_limit", str(problem.max_meetings_per_candidate))
    candidates = {c: i for i, c in enumerate(problem.candidates)}
    employers = {e: i for i, e in enumerate(problem.employers)}
    if len(candidates) != len(problem.candidates) or len(employers) != len(problem.employers):
        raise ScheduleError("duplicate_participant")
    tables = []
    for employer in problem.employers:
        count = problem.tables_of(employer)
        if count < 1:
            raise ScheduleError("bad_tables", employer)
        tables.append(count)

    best: dict[tuple[int, int], Pair] = {}
    for pair in problem.pairs:
        if pair.candidate not in candidates or pair.employer not in employers:
            raise ScheduleError("unknown_participant", f"{pair.candidate}–{pair.employer}")
        if not 0 <= pair.score <= 100:
            raise ScheduleError("bad_score", f"{pair.candidate}–{pair.employer}")
        if (pair.candidate, pair.employer) in problem.forbidden:
            continue
        key = (candidates[pair.candidate], employers[pair.employer])
        if key not in best or best[key].score < pair.score:
            best[key] = pair
    keys = sorted(best)
    index = {key: i for i, key in enumerate(keys)}

    pinned: set[int] = set()
    slot_pins: dict[int, int] = {}
    for pin in problem.pins:
        key = (candidates.get(pin.candidate, -1), employers.get(pin.employer, -1))
        if key not in index:
            raise ScheduleError("pin_not_acceptable", f"{pin.candidate}–{pin.employer}")
        edge = index[key]
        if pin.slot is not None:
            if not 0 <= pin.slot < problem.slots:
                raise ScheduleError("pin_bad_slot", f"{pin.candidate}–{pin.employer}")
            if slot_pins.get(edge, pin.slot) != pin.slot:
                raise ScheduleError("pin_conflict", f"{pin.candidate}–{pin.employer}")
            slot_pins[edge] = pin.slot
        pinned.add(edge)

    cap = min(problem.max_meetings_per_candidate, problem.slots)
    candidate_cap = tuple(cap for _ in problem.candidates)
    _check_pins(keys, pinned, slot_pins, candidate_cap, tables, problem)
    return Prepared(
        problem=problem,
        edges=tuple(keys),
        weights=tuple(round(best[k].score * SCORE_SCALE) for k in keys),
        scores=tuple(best[k].score for k in keys),
        candidate_cap=candidate_cap,
        employer_tables=tuple(tables),
        pinned_edges=frozenset(pinned),
        slot_pins=slot_pins,
        servable=len({c for c, _e in keys}),
    )


def _check_pins(keys, pinned, slot_pins, candidate_cap, tables, problem) -> None:
    """Pins that no schedule can honour are refused before solving."""
    per_candidate = Counter(keys[e][0] for e in pinned)
    per_employer = Counter(keys[e][1] for e in pinned)
    for c, count in per_candidate.items():
        if count > candidate_cap[c]:
            raise ScheduleError("pins_exceed_candidate_limit", problem.candidates[c])
    for e, count in per_employer.items():
        if count > tables[e] * problem.slots:
            raise ScheduleError("pins_exceed_employer_capacity", problem.employers[e])
    candidate_slot: dict[tuple[int, int], int] = defaultdict(int)
    employer_slot: dict[tuple[int, int], int] = defaultdict(int)
    for edge, slot in slot_pins.items():
        c, e = keys[edge]
        candidate_slot[c, slot] += 1
        employer_slot[e, slot] += 1
        if candidate_slot[c, slot] > 1:
            raise ScheduleError("pins_same_slot", problem.candidates[c])
        if employer_slot[e, slot] > tables[e]:
            raise ScheduleError("pins_same_slot", problem.employers[e])
