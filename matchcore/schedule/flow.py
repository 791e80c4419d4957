"""Which meetings to hold, ignoring slots: a maximum-weight b-matching by min-cost flow.

When scores do not depend on the slot, any set of meetings whose degrees fit (a candidate at most
min(k, S) meetings, an employer at most tables × S) can be put into S slots (see colouring.py), so
the best such set is the best schedule. The flow maximises, lexicographically, the number of
candidates served and then the total score: each candidate's first unit of flow earns a bonus larger
than any possible total score.

    source ─(1, −bonus)─▶ candidate ─(1, −score)─▶ employer ─(tables × S)─▶ sink
    source ─(k−1, 0)───▶ candidate                 source ─(∞, 0)─────────▶ sink
"""

from ortools.graph.python import min_cost_flow

from matchcore.schedule.prepared import Prepared


def best_meetings(prep: Prepared) -> list[int]:
    """Indices (into prep.edges) of an optimal set of meetings, pinned pairs included."""
    n_c, n_e = len(prep.problem.candidates), len(prep.problem.employers)
    pinned = prep.pinned_edges
    cap_c = list(prep.candidate_cap)
    cap_e = [t * prep.slots for t in prep.employer_tables]
    served = [False] * n_c
    for edge in pinned:
        c, e = prep.edges[edge]
        cap_c[c] -= 1
        cap_e[e] -= 1
        served[c] = True

    source, sink = n_c + n_e, n_c + n_e + 1
    bonus = sum(prep.weights) + 1  # more than any total score
    flow = min_cost_flow.SimpleMinCostFlow()
    for c in range(n_c):
        if cap_c[c] <= 0:
            continue
        if served[c]:
            flow.add_arc_with_capacity_and_unit_cost(source, c, cap_c[c], 0)
        else:
            flow.add_arc_with_capacity_and_unit_cost(source, c, 1, -bonus)
            if cap_c[c] > 1:
                flow.add_arc_with_capacity_and_unit_cost(source, c, cap_c[c] - 1, 0)
    pair_arcs: dict[int, int] = {}
    for edge, (c, e) in enumerate(prep.edges):
        if edge in pinned or cap_c[c] <= 0 or cap_e[e] <= 0:
            continue
        pair_arcs[edge] = flow.add_arc_with_capacity_and_unit_cost(
            c, n_c + e, 1, -prep.weights[edge]
        )
    total = sum(max(0, x) for x in cap_c)
    for e in range(n_e):
        if cap_e[e] > 0:
            flow.add_arc_with_capacity_and_unit_cost(n_c + e, sink, cap_e[e], 0)
    flow.add_arc_with_capacity_and_unit_cost(source, sink, total, 0)
    flow.set_node_supply(source, total)
    flow.set_node_supply(sink, -total)
    status = flow.solve()
    if status != flow.OPTIMAL:
        raise RuntimeError(f"min-cost flow failed with status {status}")
    chosen = sorted(pinned)
    chosen += [edge for edge, arc in pair_arcs.items() if flow.flow(arc) > 0]
    return sorted(chosen)
