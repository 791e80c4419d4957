import pytest

from maillage.regions.models import Region
from maillage.regions.outlines import municipality_areas
from maillage.regions.selectors import region_map_features


def _inside(point, ring) -> bool:
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def test_each_town_lies_in_its_own_area_and_areas_stop_short_of_the_far_north():
    towns = [("03", -71.21, 46.81), ("03", -71.0, 47.2), ("01", -68.52, 48.45), ("01", -69.5, 47.8)]
    areas = municipality_areas(towns)
    assert len(areas) == 4
    for (code, lng, lat), (area_code, ring) in zip(sorted(towns), areas, strict=True):
        assert area_code == code
        assert _inside((lng, lat), list(ring))
        # Cut at about 100 km: nothing reaches 50° N from towns under 48.5° N.
        assert max(y for _x, y in ring) < 49.5


@pytest.mark.django_db
def test_the_region_map_draws_the_region_among_its_neighbours():
    region = Region.objects.get(code="01")
    areas = [
        f for f in region_map_features(region)["features"] if f["properties"]["kind"] == "area"
    ]
    assert any(f["properties"]["own"] for f in areas)
    assert any(not f["properties"]["own"] for f in areas)
