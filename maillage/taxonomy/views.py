from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from maillage.taxonomy.selectors import noc_unit_group_search


def noc_options(request: HttpRequest) -> HttpResponse:
    """<option>s of the NOC unit groups matching ?q=, for the searchable picker."""
    groups = noc_unit_group_search(request.GET.get("q", "")[:100], limit=30)
    options = [(g.code, str(g)) for g in groups]
    return render(
        request,
        "core/options.html",
        {"options": options, "selected": request.GET.get("selected", "")},
    )
