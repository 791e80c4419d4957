"""Households that move together: the engine's two rankings joined on place.

Each partner has a ranking of postings from the engine (`MatchingEngine.postings_for_candidate`,
stored as match results): this module never scores anything, it joins the two lists. A pair is
one posting for each partner (two different postings) no more than `max_km` apart, straight
line (haversine on a 6,371 km sphere, as `matchcore.engine.factors.distance_km`), between the
coordinates of the postings' municipalities. Postings without coordinates cannot be paired and
are counted apart (`unplaced`).

- Pairs, best first: the joint score is the mean of the two scores; ties go to the pair whose
  weaker job is better, then to the posting ids. Only the best `limit` are built: the first
  partner's postings are visited best first and the walk stops once no later one can enter the
  list, so a city with thousands of postings does not build millions of pairs.
- Regions, most good pairs first: a good pair has both postings at `good_stars` or more; it
  counts for the region of each of its postings (once when both are in the same region). The
  counts come from weighted neighbour counts on k-d trees, never from listing the pairs.

Pure Python + numpy/scipy; no Django.
"""

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

EARTH_RADIUS_KM = 6371.0
DEFAULT_MAX_KM = 40.0
DEFAULT_GOOD_STARS = 3


@dataclass(frozen=True)
class RankedPosting:
    """One line of a partner's ranking: an admissible posting, its score and where it is."""

    posting_id: int | str
    score: float  # 0–100, the engine's
    stars: int  # 1–5, the engine's
    region_code: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class PostingPair:
    first: RankedPosting
    second: RankedPosting
    km: float

    @property
    def joint_score(self) -> float:
        return (self.first.score + self.second.score) / 2

    @property
    def weaker_score(self) -> float:
        return min(self.first.score, self.second.score)


@dataclass(frozen=True)
class RegionPairs:
    region_code: str
    good_pairs: int


@dataclass(frozen=True)
class JointSearch:
    pairs: tuple[PostingPair, ...]  # best joint score first, at most `limit`
    regions: tuple[RegionPairs, ...]  # regions with at least one good pair, most first
    unplaced: int  # postings of either ranking left out for lack of coordinates
    max_km: float


def pair_order_key(pair: PostingPair) -> tuple[float, float, str, str]:
    """The order of pairs: best joint score, then best weaker job, then the ids (stable)."""
    return (
        -round(pair.joint_score, 6),
        -round(pair.weaker_score, 6),
        str(pair.first.posting_id),
        str(pair.second.posting_id),
    )


def chord_for_km(km: float) -> float:
    """The straight-through-the-Earth distance between two points `km` apart on the surface
    (unit sphere): a k-d tree on unit vectors finds great-circle neighbours with it, exactly."""
    return 2 * math.sin(km / (2 * EARTH_RADIUS_KM))


def km_for_chord(chord: float) -> float:
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, chord / 2))


class _Side:
    """One partner's placed postings grouped by place (postings of one municipality share its
    coordinates: 10,000 postings sit on about a thousand places)."""

    def __init__(self, postings: list[RankedPosting]):
        self.postings = postings
        self.scores = np.array([p.score for p in postings], dtype=float)
        self.stars = np.array([p.stars for p in postings])
        keys = np.array([(p.latitude, p.longitude) for p in postings], dtype=float)
        regions = np.array([p.region_code or "" for p in postings])
        # A place is its coordinates and its region (two municipalities may share a point).
        _, region_ids = np.unique(regions, return_inverse=True)
        table = np.column_stack((keys, region_ids.astype(float)))
        places, self.place_of = np.unique(table, axis=0, return_inverse=True)
        self.place_of = self.place_of.reshape(-1)
        self.xyz = _unit_vectors_from(places[:, 0], places[:, 1])
        self.place_region = np.empty(len(places), dtype=regions.dtype)
        self.place_region[self.place_of] = regions
        self.tree = cKDTree(self.xyz)

    def best_by_place(self, keep: int) -> list[np.ndarray]:
        """For each place, the indices of its postings that can be in a best-`keep` list: the
        `keep` best scores, ties kept whole, best first."""
        order = np.lexsort((np.arange(len(self.scores)), -self.scores, self.place_of))
        by_place = np.split(order, np.flatnonzero(np.diff(self.place_of[order])) + 1)
        kept = [np.array([], dtype=np.int64)] * len(self.xyz)
        for indices in by_place:
            if len(indices) > keep:
                indices = indices[self.scores[indices] >= self.scores[indices[keep - 1]]]
            kept[self.place_of[indices[0]]] = indices
        return kept


def _unit_vectors_from(lat_degrees: np.ndarray, lng_degrees: np.ndarray) -> np.ndarray:
    lat, lng = np.radians(lat_degrees), np.radians(lng_degrees)
    return np.column_stack((np.cos(lat) * np.cos(lng), np.cos(lat) * np.sin(lng), np.sin(lat)))


def joint_search(
    first: Sequence[RankedPosting],
    second: Sequence[RankedPosting],
    *,
    max_km: float = DEFAULT_MAX_KM,
    limit: int = 20,
    good_stars: int = DEFAULT_GOOD_STARS,
) -> JointSearch:
    placed_a = [p for p in first if p.has_coordinates]
    placed_b = [p for p in second if p.has_coordinates]
    unplaced = len(first) - len(placed_a) + len(second) - len(placed_b)
    if not placed_a or not placed_b:
        return JointSearch((), (), unplaced, max_km)
    radius = chord_for_km(max_km)
    a, b = _Side(placed_a), _Side(placed_b)
    # Places of the second partner near each place of the first (places, not postings).
    near_places = a.tree.query_ball_tree(b.tree, radius)
    pairs = _best_pairs(a, b, near_places, limit) if limit > 0 else ()
    regions = _good_pairs_by_region(a, b, radius, good_stars)
    return JointSearch(pairs, regions, unplaced, max_km)


def _best_pairs(a: _Side, b: _Side, near_places: list[list[int]], limit: int) -> tuple:
    """The best `limit` pairs, exactly. Only a place's best `limit + 1` postings can be in
    them (one more: a posting both partners match is no pair); the first partner's postings are
    visited best first, until no later one can reach the list."""
    keep = limit + 1
    kept_a, kept_b = a.best_by_place(keep), b.best_by_place(keep)
    best_b = float(b.scores.max())
    order_a = np.concatenate(kept_a)
    order_a = order_a[np.lexsort((order_a, -a.scores[order_a]))]
    ids_a = [p.posting_id for p in a.postings]
    ids_b = [p.posting_id for p in b.postings]
    neighbours: dict[int, np.ndarray] = {}
    best_joints: list[float] = []  # a min-heap of the `limit` best joint scores so far
    found: list[tuple[int, int]] = []
    for i in order_a.tolist():
        score = a.scores[i]
        if len(best_joints) >= limit and (score + best_b) / 2 < best_joints[0] - 1e-9:
            break
        place = int(a.place_of[i])
        if place not in neighbours:
            near = [kept_b[q] for q in near_places[place]]
            candidates = np.concatenate(near) if near else np.array([], dtype=np.int64)
            if len(candidates) > keep:
                kth = np.partition(b.scores[candidates], len(candidates) - keep)
                candidates = candidates[b.scores[candidates] >= kth[len(candidates) - keep]]
            neighbours[place] = candidates
        for j in neighbours[place].tolist():
            if ids_b[j] == ids_a[i]:
                continue
            found.append((i, j))
            joint = (score + b.scores[j]) / 2
            if len(best_joints) < limit:
                heapq.heappush(best_joints, joint)
            elif joint > best_joints[0]:
                heapq.heapreplace(best_joints, joint)
    pairs = [
        PostingPair(
            a.postings[i],
            b.postings[j],
            km_for_chord(float(np.linalg.norm(a.xyz[a.place_of[i]] - b.xyz[b.place_of[j]]))),
        )
        for i, j in found
    ]
    return tuple(sorted(pairs, key=pair_order_key)[:limit])


def _good_pairs_by_region(a: _Side, b: _Side, radius: float, good_stars: int) -> tuple:
    """Good pairs per region, from weighted neighbour counts between places (the weight of a
    place: its good postings, or those of one region), never from listing the pairs."""
    good_a, good_b = a.stars >= good_stars, b.stars >= good_stars
    if not good_a.any() or not good_b.any():
        return ()
    weight_a = np.bincount(a.place_of[good_a], minlength=len(a.xyz)).astype(float)
    weight_b = np.bincount(b.place_of[good_b], minlength=len(b.xyz)).astype(float)
    # A posting both partners match (good for both) is at distance 0 from itself: no pair.
    good_ids_b = {b.postings[j].posting_id for j in np.flatnonzero(good_b)}
    both = [
        a.place_region[a.place_of[i]]
        for i in np.flatnonzero(good_a)
        if a.postings[i].posting_id in good_ids_b
    ]

    def count(weights_a: np.ndarray, weights_b: np.ndarray) -> float:
        return float(a.tree.count_neighbors(b.tree, radius, weights=(weights_a, weights_b)))

    counts = []
    for code in sorted(set(a.place_region[weight_a > 0]) | set(b.place_region[weight_b > 0])):
        if not code:
            continue
        in_a = weight_a * (a.place_region == code)
        in_b = weight_b * (b.place_region == code)
        total = count(in_a, weight_b) + count(weight_a, in_b) - count(in_a, in_b)
        total -= both.count(code)
        if total >= 0.5:
            counts.append(RegionPairs(str(code), round(total)))
    return tuple(sorted(counts, key=lambda r: (-r.good_pairs, r.region_code)))
