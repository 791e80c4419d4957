"""The general model, for meetings pinned to a slot: OR-Tools CP-SAT over (pair, slot) choices.

Same lexicographic objective as the flow (candidates served, then total score). Started from a
feasible hint (the greedy schedule with pins); within the time limit it returns its best and the
best bound it proved.
"""

from collections import defaultdict
from dataclasses import dataclass

from ortools.sat.python import cp_model

from matchcore.schedule.contracts import Meeting
from matchcore.schedule.prepared import Prepared


@dataclass(frozen=True)
class CpSatOutcome:
    meetings: list[Meeting] | None  # None: no schedule found in time
    is_optimal: bool
    objective_bound: int  # bound on bonus × served + integer score
    bonus: int


def solve_cpsat(
    prep: Prepared, *, hint: list[Meeting], time_limit: float, workers: int = 2
) -> CpSatOutcome:
    problem = prep.problem
    model = cp_model.CpModel()
    n_c = len(problem.candidates)
    slots = range(prep.slots)
    chosen = [model.new_bool_var(f"y{edge}") for edge in range(len(prep.edges))]
    at: dict[tuple[int, int], cp_model.IntVar] = {}
    by_candidate_slot: dict[tuple[int, int], list] = defaultdict(list)
    by_employer_slot: dict[tuple[int, int], list] = defaultdict(list)
    by_candidate: dict[int, list] = defaultdict(list)
    for edge, (c, e) in enumerate(prep.edges):
        row = []
        for slot in slots:
            var = model.new_bool_var(f"x{edge}_{slot}")
            at[edge, slot] = var
            row.append(var)
            by_candidate_slot[c, slot].append(var)
            by_employer_slot[e, slot].append(var)
        model.add(sum(row) == chosen[edge])
        by_candidate[c].append(chosen[edge])
    for (_c, _slot), group in by_candidate_slot.items():
        model.add_at_most_one(group)
    for (e, _slot), group in by_employer_slot.items():
        model.add(sum(group) <= prep.employer_tables[e])
    served = []
    for c in range(n_c):
        if not by_candidate[c]:
            continue
        model.add(sum(by_candidate[c]) <= prep.candidate_cap[c])
        is_served = model.new_bool_var(f"s{c}")
        model.add(is_served <= sum(by_candidate[c]))
        served.append(is_served)
    for edge in prep.pinned_edges:
        model.add(chosen[edge] == 1)
    for edge, slot in prep.slot_pins.items():
        model.add(at[edge, slot] == 1)

    bonus = sum(prep.weights) + 1
    model.maximize(
        bonus * sum(served) + sum(w * y for w, y in zip(prep.weights, chosen, strict=True))
    )

    edge_of = {prep.edges[i]: i for i in range(len(prep.edges))}
    c_index = {c: i for i, c in enumerate(problem.candidates)}
    e_index = {e: i for i, e in enumerate(problem.employers)}
    hinted = {(edge_of[c_index[m.candidate], e_index[m.employer]], m.slot) for m in hint}
    for (edge, slot), var in at.items():
        model.add_hint(var, (edge, slot) in hinted)
    hinted_edges = {edge for edge, _slot in hinted}
    for edge, var in enumerate(chosen):
        model.add_hint(var, edge in hinted_edges)

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = 7
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return CpSatOutcome(None, False, int(solver.best_objective_bound), bonus)
    meetings = []
    tables_used: dict[tuple[int, int], int] = defaultdict(int)
    for (edge, slot), var in sorted(at.items(), key=lambda item: (item[0][1], item[0][0])):
        if solver.value(var):
            c, e = prep.edges[edge]
            table = tables_used[e, slot]
            tables_used[e, slot] += 1
            meetings.append(
                Meeting(problem.candidates[c], problem.employers[e], slot, table, prep.scores[edge])
            )
    return CpSatOutcome(
        meetings, status == cp_model.OPTIMAL, int(solver.best_objective_bound), bonus
    )
