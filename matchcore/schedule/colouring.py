"""Bipartite edge colouring: give each chosen meeting a slot so nobody has two at once.

König's theorem: a bipartite graph whose degrees are at most S can be edge-coloured with S colours.
An employer with T tables is split into T table nodes, its meetings dealt so that each table has at
most S; every colour class is then a set of meetings that can run in the same slot. Colours are found
with alternating (Kempe) paths, O(E·V) in the worst case, milliseconds here.

Meetings pinned to a slot are coloured first and never recoloured; the others then always fit when
nothing is pinned, and usually do when a few are (an edge that cannot be placed is left without a
slot, and the caller falls back to CP-SAT).
"""

from collections import defaultdict

Node = tuple


def colour_bipartite(
    edges: list[tuple[int, int]],
    tables: tuple[int, ...],
    slots: int,
    fixed: dict[int, int] | None = None,
) -> list[tuple[int, int] | None]:
    """(slot, table) for each (candidate, employer) edge, in order; None where none was found.

    `fixed` maps an edge's position to its pinned slot. Requires each candidate to have at most
    `slots` edges and each employer at most `tables[e] * slots`.
    """
    fixed = fixed or {}
    table_of = _deal_tables(edges, tables, slots, fixed)
    colour_at: dict[Node, dict[int, Node]] = defaultdict(dict)
    frozen: set[tuple[Node, int]] = set()  # (node, colour) held by a pinned edge
    for position, slot in fixed.items():
        c, e = edges[position]
        u, v = ("c", c), ("t", e, table_of[position])
        colour_at[u][slot] = v
        colour_at[v][slot] = u
        frozen.add((u, slot))
    placed = [position in fixed for position in range(len(edges))]
    for position, (c, e) in enumerate(edges):
        if position in fixed:
            continue
        u, v = ("c", c), ("t", e, table_of[position])
        colour = _place(colour_at, frozen, u, v, slots)
        if colour is not None:
            colour_at[u][colour] = v
            colour_at[v][colour] = u
            placed[position] = True
    result: list[tuple[int, int] | None] = []
    for position, (c, e) in enumerate(edges):
        if not placed[position]:
            result.append(None)
            continue
        u, v = ("c", c), ("t", e, table_of[position])
        slot = next(colour for colour, other in colour_at[u].items() if other == v)
        result.append((slot, table_of[position]))
    return result


def _deal_tables(edges, tables, slots, fixed) -> list[int]:
    """Pinned meetings go to a table free in their slot; the others to the least busy table."""
    load: dict[tuple[int, int], int] = defaultdict(int)
    taken: set[tuple[int, int, int]] = set()
    table_of = [0] * len(edges)
    for position, slot in sorted(fixed.items()):
        e = edges[position][1]
        table = next(t for t in range(tables[e]) if (e, t, slot) not in taken)
        taken.add((e, table, slot))
        table_of[position] = table
        load[e, table] += 1
    for position, (_c, e) in enumerate(edges):
        if position in fixed:
            continue
        table = min(range(tables[e]), key=lambda t: (load[e, t], t))
        if load[e, table] >= slots:
            raise ValueError("employer degree above tables × slots")
        table_of[position] = table
        load[e, table] += 1
    return table_of


def _place(colour_at, frozen, u: Node, v: Node, slots: int) -> int | None:
    free_u = [colour for colour in range(slots) if colour not in colour_at[u]]
    free_v = [colour for colour in range(slots) if colour not in colour_at[v]]
    if not free_u or not free_v:
        raise ValueError("degree above the number of slots")
    for a in free_u:
        if a not in colour_at[v]:
            return a
    for a in free_u:
        for b in free_v:
            path = _path(colour_at, v, a, b)
            if not any((x, colour) in frozen or (y, colour) in frozen for x, y, colour in path):
                _flip(colour_at, path, a, b)
                return a
    return None


def _path(colour_at, start: Node, a: int, b: int) -> list[tuple[Node, Node, int]]:
    """The alternating a/b path that starts at `start` with colour a."""
    path = []
    node, colour = start, a
    while colour in colour_at[node]:
        other = colour_at[node][colour]
        path.append((node, other, colour))
        node, colour = other, (b if colour == a else a)
    return path


def _flip(colour_at, path, a: int, b: int) -> None:
    for x, y, colour in path:
        del colour_at[x][colour]
        del colour_at[y][colour]
    for x, y, colour in path:
        swapped = b if colour == a else a
        colour_at[x][swapped] = y
        colour_at[y][swapped] = x
