from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404

from maillage.accounts.models import Role, User
from maillage.core.choices import VerificationStatus
from maillage.employers.models import Company, JobPosting, PostingStatus
from maillage.regions.models import (
    Municipality,
    Region,
    RegionService,
    RegionVideo,
    ServiceCategory,
)
from maillage.regions.outlines import municipality_areas
from matchcore.language.folding import fold


def region_list_with_counts() -> QuerySet[Region]:
    return Region.objects.annotate(
        municipality_count=Count("municipalities", distinct=True),
    ).order_by("-is_served", "code")


def municipality_search(
    query: str, *, region: Region | None = None, limit: int = 30
) -> list[Municipality]:
    """Municipalities whose name starts with (then contains) the query, biggest first."""
    folded = fold(query)
    base = Municipality.objects.select_related("region")
    if region is not None:
        base = base.filter(region=region)
    if not folded:
        return list(base.order_by("-population")[:limit])
    starts = list(base.filter(search_name__startswith=folded).order_by("-population")[:limit])
    if len(starts) < limit:
        seen = [m.pk for m in starts]
        starts += list(
            base.filter(Q(search_name__contains=folded))
            .exclude(pk__in=seen)
            .order_by("-population")[: limit - len(starts)]
        )
    return starts


# --- The region's showcase page ---


def region_is_editable_by(user: User, region: Region) -> bool:
    """Advisors edit every region's showcase; a regional partner edits their own region's."""
    if not user.is_authenticated:
        return False
    if user.role == Role.ADVISOR:
        return True
    return user.role == Role.PARTNER and user.region_id == region.pk


def region_get(slug: str) -> Region:
    try:
        return Region.objects.select_related("profile").get(slug=slug)
    except Region.DoesNotExist as exc:
        raise Http404 from exc


@dataclass(frozen=True)
class RegionFacts:
    population: int
    municipality_count: int
    main_municipalities: list[Municipality]


def region_facts(region: Region, *, main: int = 8) -> RegionFacts:
    totals = region.municipalities.aggregate(population=Sum("population"), count=Count("pk"))
    return RegionFacts(
        population=totals["population"] or 0,
        municipality_count=totals["count"],
        main_municipalities=list(
            region.municipalities.filter(population__isnull=False).order_by("-population")[:main]
        ),
    )


def region_services_by_category(region: Region) -> list[tuple[str, list[RegionService]]]:
    grouped: dict[str, list[RegionService]] = {}
    for service in region.services.select_related("municipality").order_by("category", "name"):
        grouped.setdefault(service.category, []).append(service)
    labels = dict(ServiceCategory.choices)
    return [
        (labels[category], grouped[category])
        for category in ServiceCategory.values
        if category in grouped
    ]


def region_videos(region: Region) -> list[RegionVideo]:
    return list(region.videos.prefetch_related("captions").order_by("-uploaded_at"))


def region_open_postings(region: Region, *, limit: int = 20) -> QuerySet[JobPosting]:
    return (
        JobPosting.objects.published()
        .filter(company__region=region)
        .select_related("company", "municipality", "noc")
        .order_by("-published_at", "-pk")[:limit]
    )


def region_employers(region: Region) -> QuerySet[Company]:
    """Verified employers of the region, those with open postings first."""
    return (
        Company.objects.filter(region=region, verification_status=VerificationStatus.VERIFIED)
        .select_related("municipality")
        .annotate(
            open_postings=Count("postings", filter=Q(postings__status=PostingStatus.PUBLISHED))
        )
        .order_by("-open_postings", "legal_name")
    )


def region_map_features(region: Region) -> dict:
    """GeoJSON for the region's map: the approximate land of the region and of its neighbours,
    the municipalities with known coordinates, and where the open postings are, with their count
    per municipality."""
    postings = (
        JobPosting.objects.published()
        .filter(company__region=region, municipality__latitude__isnull=False)
        .values("municipality__name", "municipality__latitude", "municipality__longitude")
        .annotate(count=Count("pk"))
        .order_by("municipality__name")
    )
    towns = region.municipalities.filter(latitude__isnull=False).values_list(
        "name", "latitude", "longitude", "population"
    )
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lng, lat]},
            "properties": {"kind": "municipality", "name": name, "population": population},
        }
        for name, lat, lng, population in towns
    ]
    features = _area_features(region, [(lng, lat) for _n, lat, lng, _p in towns]) + features
    features += [
        {
            "type": "Feature",
            "geometry": {
                "type": "Point",
                "coordinates": [row["municipality__longitude"], row["municipality__latitude"]],
            },
            "properties": {
                "kind": "postings",
                "name": row["municipality__name"],
                "count": row["count"],
            },
        }
        for row in postings
    ]
    return {"type": "FeatureCollection", "features": features}


def _area_features(region: Region, own_points: list[tuple[float, float]]) -> list[dict]:
    """The approximate land of the region and, for context, of its neighbours around it (see
    regions.outlines): one polygon per municipality, filled by region on the map."""
    if not own_points:
        return []
    towns = Municipality.objects.filter(latitude__isnull=False).values_list(
        "region__code", "longitude", "latitude"
    )
    lngs, lats = zip(*own_points, strict=True)
    west, east, south, north = min(lngs) - 2, max(lngs) + 2, min(lats) - 1.5, max(lats) + 1.5
    return [
        {
            "type": "Feature",
            "geometry": {"type": "Polygon", "coordinates": [[*ring, ring[0]]]},
            "properties": {"kind": "area", "own": code == region.code},
        }
        for code, ring in municipality_areas(towns)
        if code == region.code
        or any(west <= lng <= east and south <= lat <= north for lng, lat in ring)
    ]


def region_postings_by_municipality(region: Region) -> list[tuple[str, int]]:
    rows = (
        JobPosting.objects.published()
        .filter(company__region=region)
        .values("municipality__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "municipality__name")
    )
    return [(row["municipality__name"], row["count"]) for row in rows]


def video_get(public_id) -> RegionVideo:
    try:
        return RegionVideo.objects.select_related("region").get(public_id=public_id)
    except (RegionVideo.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
