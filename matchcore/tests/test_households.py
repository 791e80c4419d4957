"""The household join against a brute-force join: every pair of postings, the haversine
distance of the engine's factors, sorted by the documented order."""

import random

import pytest

from matchcore.engine.factors import distance_km
from matchcore.households import (
    JointSearch,
    PostingPair,
    RankedPosting,
    joint_search,
    pair_order_key,
)

# Around Trois-Rivières, Shawinigan and Québec: clusters 30–130 km apart, so some pairs are
# within 40 km and many are not.
CENTRES = [(46.35, -72.55, "04"), (46.55, -72.75, "04"), (46.81, -71.21, "03"), (46.1, -72.0, "17")]


def _place(posting_id: int) -> tuple[float, float, str, bool]:
    """Where a posting is: the same for both partners' rankings."""
    rng = random.Random(posting_id)
    lat, lng, region = rng.choice(CENTRES)
    return lat + rng.uniform(-0.25, 0.25), lng + rng.uniform(-0.3, 0.3), region, rng.random() > 0.1


def _town(posting_id: int) -> tuple[float, float, str, bool]:
    """Six towns only: many postings share a place, as postings of one municipality do."""
    lat, lng, region, placed = _place(posting_id % 6)
    return lat, lng, region, placed or posting_id % 7 != 0


def _ranking(
    rng: random.Random, n: int, shared_ids: list[int], place=_place
) -> list[RankedPosting]:
    postings = []
    ids = rng.sample(range(200), n - len(shared_ids)) + shared_ids
    for posting_id in ids:
        lat, lng, region, placed = place(posting_id)
        score = rng.choice([rng.uniform(20, 95), 70.0])  # some equal scores, for the ties
        postings.append(
            RankedPosting(
                posting_id=posting_id,
                score=score,
                stars=1 + min(4, int(score // 20)),
                region_code=region,
                latitude=lat if placed else None,
                longitude=lng if placed else None,
            )
        )
    return postings


def _brute(first, second, *, max_km, limit, good_stars):
    pairs = []
    for a in first:
        for b in second:
            if not (a.has_coordinates and b.has_coordinates) or a.posting_id == b.posting_id:
                continue
            km = distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
            if km <= max_km:
                pairs.append(PostingPair(a, b, km))
    regions: dict[str, int] = {}
    for pair in pairs:
        if min(pair.first.stars, pair.second.stars) >= good_stars:
            for code in {pair.first.region_code, pair.second.region_code}:
                regions[code] = regions.get(code, 0) + 1
    ordered = sorted(pairs, key=pair_order_key)[:limit]
    return ordered, sorted(regions.items(), key=lambda item: (-item[1], item[0]))


def _ids(pairs):
    return [(p.first.posting_id, p.second.posting_id) for p in pairs]


@pytest.mark.parametrize("place", [_place, _town], ids=["scattered", "six-towns"])
@pytest.mark.parametrize("seed", range(20))
def test_the_join_finds_what_every_pair_compared_finds(seed, place):
    rng = random.Random(seed)
    shared = rng.sample(range(200, 220), 3)  # postings both partners match
    first = _ranking(rng, rng.randint(5, 60), shared, place)
    second = _ranking(rng, rng.randint(5, 60), shared, place)
    limit = rng.choice([1, 2, 5, 20, 500])
    found = joint_search(first, second, max_km=40, limit=limit, good_stars=3)
    expected_pairs, expected_regions = _brute(first, second, max_km=40, limit=limit, good_stars=3)
    assert _ids(found.pairs) == _ids(expected_pairs)
    assert [p.km for p in found.pairs] == pytest.approx([p.km for p in expected_pairs])
    assert [(r.region_code, r.good_pairs) for r in found.regions] == expected_regions
    unplaced = sum(not p.has_coordinates for p in first + second)
    assert found.unplaced == unplaced


def test_two_jobs_in_the_same_town_are_a_pair_and_far_ones_are_not():
    welder = [
        RankedPosting(1, 88.0, 5, "04", 46.3432, -72.5477),  # Trois-Rivières
        RankedPosting(2, 95.0, 5, "09", 50.2169, -66.3817),  # Sept-Îles
    ]
    care_aide = [RankedPosting(3, 72.0, 4, "04", 46.5668, -72.7491)]  # Shawinigan, ~30 km
    found = joint_search(welder, care_aide, max_km=40)
    assert _ids(found.pairs) == [(1, 3)]
    assert found.pairs[0].joint_score == 80.0
    assert 25 < found.pairs[0].km < 35
    assert [(r.region_code, r.good_pairs) for r in found.regions] == [("04", 1)]


def test_nothing_to_join_gives_an_empty_answer():
    alone = [RankedPosting(1, 80.0, 4, "04", 46.3, -72.5)]
    assert joint_search(alone, []) == JointSearch((), (), 0, 40.0)
    unplaced = [RankedPosting(2, 80.0, 4, "04")]
    assert joint_search(alone, unplaced).unplaced == 1
