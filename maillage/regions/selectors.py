from django.db.models import Count, Q, QuerySet

from maillage.regions.models import Municipality, Region
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
