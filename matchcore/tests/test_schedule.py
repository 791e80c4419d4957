"""The meeting-schedule solver: valid schedules, optimal scores, everybody served, pins honoured."""

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matchcore.schedule import (
    Pair,
    Pin,
    ScheduleError,
    ScheduleProblem,
    SolveStatus,
    greedy_schedule,
    solve_schedule,
)


def problem(pairs, *, candidates=None, employers=None, slots=2, k=2, **extra) -> ScheduleProblem:
    pair_objects = tuple(Pair(c, e, s) for c, e, s in pairs)
    return ScheduleProblem(
        candidates=tuple(candidates or sorted({p.candidate for p in pair_objects})),
        employers=tuple(employers or sorted({p.employer for p in pair_objects})),
        slots=slots,
        pairs=pair_objects,
        max_meetings_per_candidate=k,
        **extra,
    )


def assert_valid(prob: ScheduleProblem, result) -> None:
    acceptable = {(p.candidate, p.employer) for p in prob.pairs} - prob.forbidden
    pairs = [(m.candidate, m.employer) for m in result.meetings]
    assert set(pairs) <= acceptable
    assert len(pairs) == len(set(pairs)), "a pair met twice"
    assert all(0 <= m.slot < prob.slots for m in result.meetings)
    candidate_slots = Counter((m.candidate, m.slot) for m in result.meetings)
    assert max(candidate_slots.values(), default=0) <= 1, "a candidate in two meetings at once"
    employer_slots = Counter((m.employer, m.slot) for m in result.meetings)
    for (employer, _slot), count in employer_slots.items():
        assert count <= prob.tables_of(employer)
    tables = Counter((m.employer, m.slot, m.table) for m in result.meetings)
    assert max(tables.values(), default=0) <= 1, "two meetings at one table"
    per_candidate = Counter(m.candidate for m in result.meetings)
    assert max(per_candidate.values(), default=0) <= prob.max_meetings_per_candidate
    assert result.total_score == pytest.approx(sum(m.score for m in result.meetings))
    assert result.candidates_served == len(per_candidate)


def test_best_schedule_of_a_small_session():
    # Two employers, one table each, two slots, each candidate at most two meetings.
    prob = problem(
        [("ana", "ferme", 90), ("ana", "usine", 80), ("bo", "ferme", 70), ("bo", "usine", 60)]
    )
    result = solve_schedule(prob)
    assert result.status == SolveStatus.OPTIMAL
    assert result.method == "flow"
    assert result.total_score == 300
    assert result.upper_bound == 300
    assert_valid(prob, result)
    slots = {(m.candidate, m.employer): m.slot for m in result.meetings}
    assert slots["ana", "ferme"] != slots["ana", "usine"]
    assert slots["ana", "ferme"] != slots["bo", "ferme"]


def test_every_candidate_with_an_acceptable_employer_is_served_before_a_higher_total():
    # One slot, one meeting each: the best total alone (ana–ferme 90) would leave bo out.
    prob = problem([("ana", "ferme", 90), ("ana", "usine", 85), ("bo", "ferme", 10)], slots=1, k=1)
    result = solve_schedule(prob)
    assert {(m.candidate, m.employer) for m in result.meetings} == {
        ("ana", "usine"),
        ("bo", "ferme"),
    }
    assert result.candidates_served == 2
    assert result.total_score == 95
    assert_valid(prob, result)
    greedy = greedy_schedule(prob)
    assert greedy.candidates_served == 1  # the baseline gives the table to the best score
    assert greedy.total_score == 90


def test_candidate_limit_and_tables_are_respected():
    pairs = [(f"c{i}", "grande", 50 + i) for i in range(6)] + [("c0", "petite", 99)]
    prob = problem(pairs, slots=2, k=1, tables={"grande": 3})
    result = solve_schedule(prob)
    assert_valid(prob, result)
    # c0 goes to petite (k=1, its best score); c1..c5 share grande's 3 tables over 2 slots.
    assert Counter(m.employer for m in result.meetings) == {"grande": 5, "petite": 1}
    assert result.candidates_served == 6
    assert max(Counter(m.slot for m in result.meetings if m.employer == "grande").values()) == 3


def test_forbidden_pair_is_never_scheduled():
    prob = problem(
        [("ana", "ferme", 90), ("ana", "usine", 80)], forbidden=frozenset({("ana", "ferme")})
    )
    result = solve_schedule(prob)
    assert [(m.candidate, m.employer) for m in result.meetings] == [("ana", "usine")]
    assert result.candidates_servable == 1


def test_a_candidate_whose_only_pairs_are_forbidden_is_not_counted_as_servable():
    prob = problem(
        [("ana", "ferme", 90), ("bo", "ferme", 80)],
        forbidden=frozenset({("bo", "ferme")}),
    )
    result = solve_schedule(prob)
    assert result.candidates_servable == 1
    assert result.candidates_served == 1


def test_pinned_pair_is_kept_even_when_a_better_one_exists():
    prob = problem(
        [("ana", "ferme", 90), ("ana", "usine", 20)], slots=2, k=1, pins=(Pin("ana", "usine"),)
    )
    result = solve_schedule(prob)
    assert [(m.candidate, m.employer) for m in result.meetings] == [("ana", "usine")]
    assert result.status == SolveStatus.OPTIMAL


def test_meeting_pinned_to_a_slot_stays_there():
    pairs = [("ana", "ferme", 90), ("ana", "usine", 80), ("bo", "ferme", 70), ("bo", "usine", 60)]
    prob = problem(pairs, pins=(Pin("bo", "usine", 1), Pin("ana", "usine", 0)))
    result = solve_schedule(prob)
    slots = {(m.candidate, m.employer): m.slot for m in result.meetings}
    assert slots["bo", "usine"] == 1
    assert slots["ana", "usine"] == 0
    assert result.total_score == 300
    assert_valid(prob, result)


def test_pins_that_block_the_slot_free_optimum_go_to_cp_sat_which_proves_the_best():
    # Unpinned, all four meetings fit in two slots. With ana–ferme at 0 and bo–usine at 1,
    # ana–usine would need slot 1 and bo–ferme slot 0, both taken: only the two pinned ones fit.
    pairs = [("ana", "ferme", 90), ("ana", "usine", 80), ("bo", "ferme", 70), ("bo", "usine", 60)]
    prob = problem(pairs, pins=(Pin("ana", "ferme", 0), Pin("bo", "usine", 1)))
    result = solve_schedule(prob, time_limit=10)
    assert result.method == "cp-sat"
    assert result.status == SolveStatus.OPTIMAL
    assert result.total_score == 150
    assert result.upper_bound == 150
    assert_valid(prob, result)


def test_when_time_runs_out_the_best_found_is_returned_and_said_not_proven():
    # No time at all: CP-SAT finds nothing better than its starting point (the greedy schedule).
    prob = problem([("ana", "ferme", 90), ("ana", "usine", 85), ("bo", "ferme", 10)], slots=1, k=1)
    result = solve_schedule(prob, method="cp-sat", time_limit=0.0)
    assert result.status == SolveStatus.FEASIBLE
    assert not result.is_optimal
    assert result.total_score == greedy_schedule(prob).total_score == 90
    assert result.upper_bound >= result.total_score
    assert result.gap > 0


@pytest.mark.parametrize(
    ("pins", "code"),
    [
        ((Pin("ana", "nulle part"),), "pin_not_acceptable"),
        ((Pin("ana", "ferme", 5),), "pin_bad_slot"),
        ((Pin("ana", "ferme", 0), Pin("ana", "usine", 0)), "pins_same_slot"),
        ((Pin("ana", "ferme"), Pin("ana", "usine")), "pins_exceed_candidate_limit"),
    ],
)
def test_impossible_pins_are_refused_with_a_reason(pins, code):
    k = 1 if code == "pins_exceed_candidate_limit" else 2
    prob = problem([("ana", "ferme", 90), ("ana", "usine", 80)], k=k, pins=pins)
    with pytest.raises(ScheduleError) as error:
        solve_schedule(prob)
    assert error.value.code == code


def test_a_forbidden_pin_is_refused():
    prob = problem(
        [("ana", "ferme", 90)], pins=(Pin("ana", "ferme"),), forbidden=frozenset({("ana", "ferme")})
    )
    with pytest.raises(ScheduleError) as error:
        solve_schedule(prob)
    assert error.value.code == "pin_not_acceptable"


def test_no_pairs_gives_an_empty_optimal_schedule():
    prob = problem([], candidates=["ana"], employers=["ferme"])
    result = solve_schedule(prob)
    assert result.meetings == ()
    assert result.status == SolveStatus.OPTIMAL
    assert result.candidates_servable == 0


sessions = st.integers(min_value=1, max_value=5).flatmap(
    lambda n_e: st.tuples(
        st.just(n_e),
        st.integers(min_value=1, max_value=7),  # candidates
        st.integers(min_value=1, max_value=3),  # slots
        st.integers(min_value=1, max_value=3),  # k
        st.lists(st.integers(min_value=1, max_value=2), min_size=n_e, max_size=n_e),  # tables
        st.lists(
            st.tuples(st.integers(0, 6), st.integers(0, n_e - 1), st.integers(0, 100)), max_size=20
        ),
    )
)


def build(session) -> ScheduleProblem:
    n_e, n_c, slots, k, tables, raw = session
    candidates = [f"c{i}" for i in range(n_c)]
    employers = [f"e{j}" for j in range(n_e)]
    pairs = {}
    for c, e, score in raw:
        if c < n_c:
            pairs[f"c{c}", f"e{e}"] = score
    return ScheduleProblem(
        candidates=tuple(candidates),
        employers=tuple(employers),
        slots=slots,
        pairs=tuple(Pair(c, e, s) for (c, e), s in sorted(pairs.items())),
        max_meetings_per_candidate=k,
        tables=dict(zip(employers, tables, strict=True)),
    )


@settings(max_examples=60, deadline=None)
@given(sessions)
def test_flow_schedule_is_valid_and_as_good_as_cp_sat_and_greedy(session):
    prob = build(session)
    flow = solve_schedule(prob)
    assert_valid(prob, flow)
    assert flow.status == SolveStatus.OPTIMAL
    exact = solve_schedule(prob, method="cp-sat", time_limit=20)
    assert exact.status == SolveStatus.OPTIMAL
    assert_valid(prob, exact)
    # Same number of candidates served (the most possible), then the same best total.
    assert flow.candidates_served == exact.candidates_served
    assert flow.total_score == pytest.approx(exact.total_score)
    greedy = greedy_schedule(prob)
    assert_valid(prob, greedy)
    assert (flow.candidates_served, flow.total_score) >= (
        greedy.candidates_served,
        greedy.total_score - 1e-9,
    )
