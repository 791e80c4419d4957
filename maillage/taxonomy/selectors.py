from django.db.models import Q

from maillage.taxonomy.models import NocExampleTitle, NocGroup


def noc_unit_group_search(query: str, *, limit: int = 20) -> list[NocGroup]:
    """Unit groups whose code, official title or one of the example titles contains the query.

    This is the plain lookup behind the picker; the ranked normaliser (titles in the person's own
    words, typos, English ↔ French) is matchcore.language's.
    """
    query = query.strip()
    groups = NocGroup.objects.unit_groups()
    if not query:
        return list(groups.order_by("code")[:limit])
    if query.isdigit():
        return list(groups.filter(code__startswith=query).order_by("code")[:limit])
    by_title = list(
        groups.filter(Q(title_fr__icontains=query) | Q(title_en__icontains=query)).order_by("code")[
            :limit
        ]
    )
    if len(by_title) < limit:
        codes = (
            NocExampleTitle.objects.filter(title__icontains=query)
            .exclude(noc_id__in=[g.code for g in by_title])
            .values_list("noc_id", flat=True)
            .distinct()[: limit - len(by_title)]
        )
        by_title += list(groups.filter(code__in=list(codes)).order_by("code"))
    return by_title
