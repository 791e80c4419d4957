"""Approximate outlines of Québec's administrative regions, drawn from the shipped municipality
coordinates: each municipality gets the area closer to it than to any other (its Voronoi cell,
cut at about 100 km from it), and a region is the union of its municipalities' cells.

The result follows the real borders roughly (it knows nothing of rivers or surveyed lines), which
is what a map without tiles needs: to show where a region is and what lies around it. The page
says they are approximate."""

import functools
from collections.abc import Iterable

import numpy as np
from scipy.spatial import Voronoi

# How far from a municipality its area reaches at most (degrees of latitude, ~100 km): beyond it
# lie water, forest or another province, which the map leaves blank.
REACH = 0.9
Point = tuple[float, float]


def _around(center: Point, sides: int = 24) -> list[Point]:
    """A polygon of about REACH around a point (wider in longitude, which shrinks northward)."""
    lng, lat = center
    stretch = 1 / np.cos(np.radians(lat))
    return [
        (lng + REACH * stretch * np.cos(angle), lat + REACH * np.sin(angle))
        for angle in np.linspace(0, 2 * np.pi, sides, endpoint=False)
    ]


def _clip(polygon: list[Point], window: list[Point]) -> list[Point]:
    """Sutherland–Hodgman: the part of `polygon` inside the convex, counter-clockwise `window`."""
    for index, b in enumerate(window):
        a = window[index - 1]

        def inside(p: Point, a=a, b=b) -> bool:
            return (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0

        kept: list[Point] = []
        for position, current in enumerate(polygon):
            previous = polygon[position - 1]
            if inside(current):
                if not inside(previous):
                    kept.append(_crossing(previous, current, a, b))
                kept.append(current)
            elif inside(previous):
                kept.append(_crossing(previous, current, a, b))
        polygon = kept
        if not polygon:
            break
    return polygon


def _crossing(p: Point, q: Point, a: Point, b: Point) -> Point:
    """Where segment p–q crosses the line through a and b."""
    direction = (q[0] - p[0], q[1] - p[1])
    edge = (b[0] - a[0], b[1] - a[1])
    denominator = direction[0] * edge[1] - direction[1] * edge[0]
    t = ((a[0] - p[0]) * edge[1] - (a[1] - p[1]) * edge[0]) / denominator
    return (p[0] + t * direction[0], p[1] + t * direction[1])


def _cells(points: np.ndarray) -> list[list[Point]]:
    """Each point's Voronoi cell, closed by four far points and cut to REACH around the point."""
    west, south = points.min(axis=0) - 10
    east, north = points.max(axis=0) + 10
    far = [(west, south), (west, north), (east, south), (east, north)]
    diagram = Voronoi(np.vstack([points, far]))
    cells = []
    for index, center in enumerate(points):
        region = diagram.regions[diagram.point_region[index]]
        polygon = [tuple(diagram.vertices[v]) for v in region if v != -1]
        if _signed_area(polygon) < 0:
            polygon.reverse()
        cells.append(_clip(polygon, _around(tuple(center))))
    return cells


def _signed_area(polygon: list[Point]) -> float:
    """Positive when the points turn counter-clockwise: every cell is walked the same way, so the
    edges two cells share run in opposite directions."""
    return sum(
        a[0] * b[1] - b[0] * a[1] for a, b in zip(polygon, polygon[1:] + polygon[:1], strict=True)
    )


@functools.cache
def _areas(
    towns: tuple[tuple[str, float, float], ...],
) -> tuple[tuple[str, tuple[Point, ...]], ...]:
    points = np.array([(lng, lat) for _code, lng, lat in towns])
    return tuple(
        (code, tuple((round(x, 3), round(y, 3)) for x, y in cell))
        for (code, _lng, _lat), cell in zip(towns, _cells(points), strict=True)
        if len(cell) >= 3
    )


def municipality_areas(
    towns: Iterable[tuple[str, float, float]],
) -> tuple[tuple[str, tuple[Point, ...]], ...]:
    """Each municipality's area as (region code, ring of (longitude, latitude)), from (region
    code, longitude, latitude) of every municipality. Filled in one colour per region they draw
    the regions without lines between towns. Computed once per set of towns (under a second)."""
    return _areas(tuple(sorted(set(towns))))
