from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from maillage.core.options import options_response
from maillage.regions import selectors
from maillage.regions.models import Municipality, Region


def region_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "regions/region_list.html", {"regions": selectors.region_list_with_counts()}
    )


def region_detail(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_object_or_404(Region, slug=slug)
    municipalities = region.municipalities.order_by("-population")[:12]
    return render(
        request, "regions/region_detail.html", {"region": region, "municipalities": municipalities}
    )


def _municipality_label(pk: str) -> str | None:
    found = (
        Municipality.objects.select_related("region").filter(pk=pk).first()
        if pk.isdigit()
        else None
    )
    return f"{found.name} ({found.region.name})" if found else None


def municipality_options(request: HttpRequest) -> HttpResponse:
    """<option>s of the municipalities matching ?q=, for the searchable picker."""
    found = selectors.municipality_search(request.GET.get("q", "")[:100])
    options = [(str(m.pk), f"{m.name} ({m.region.name})") for m in found]
    return options_response(request, options, _municipality_label)
