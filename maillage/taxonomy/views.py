from django.http import HttpRequest, HttpResponse

from maillage.core.options import options_response
from maillage.taxonomy.models import NocGroup
from maillage.taxonomy.selectors import noc_unit_group_search


def _noc_label(code: str) -> str | None:
    group = NocGroup.objects.unit_groups().filter(code=code).first()
    return str(group) if group else None


def noc_options(request: HttpRequest) -> HttpResponse:
    """<option>s of the NOC unit groups matching ?q=, for the searchable picker."""
    groups = noc_unit_group_search(request.GET.get("q", "")[:100], limit=30)
    return options_response(request, [(g.code, str(g)) for g in groups], _noc_label)
