import re

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from maillage.core.options import options_response
from maillage.taxonomy.models import NocGroup
from maillage.taxonomy.selectors import (
    noc_suggestions,
    noc_unit_group_search,
    permits_for_noc,
    skill_suggestions,
)

# The id of the NOC <select> a suggestion fills in (an element id the form generated).
_ELEMENT_ID = re.compile(r"^id_[A-Za-z0-9_-]{1,60}$")


def _noc_label(code: str) -> str | None:
    group = NocGroup.objects.unit_groups().filter(code=code).first()
    return str(group) if group else None


def noc_options(request: HttpRequest) -> HttpResponse:
    """<option>s of the NOC unit groups matching ?q=, for the searchable picker."""
    groups = noc_unit_group_search(request.GET.get("q", "")[:100], limit=30)
    return options_response(request, [(g.code, str(g)) for g in groups], _noc_label)


@login_required
@require_GET
def noc_suggestions_view(request: HttpRequest) -> HttpResponse:
    """NOC unit groups for the job title being typed (?title=), as buttons that select one in the
    NOC picker whose element id is ?target=. Empty for an empty or unreadable title."""
    target = request.GET.get("target", "id_noc")
    if not _ELEMENT_ID.match(target):
        target = "id_noc"
    title = request.GET.get("title", "")
    suggestions = noc_suggestions(title) if len(title) <= 300 else []
    return render(
        request,
        "taxonomy/_noc_suggestions.html",
        # The picker's field name is its id without "id_" (Django's default ids).
        {"suggestions": suggestions, "target": target, "field": target.removeprefix("id_")},
    )


@login_required
@require_http_methods(["GET", "POST"])
def skill_suggestions_view(request: HttpRequest) -> HttpResponse:
    """ESCO skills found in the title, description and required skills sent (and the essential
    skills of the NOC unit group `noc`), as unticked boxes named `esco_skills` for the person to
    tick. Nothing is saved here; POST only because a description is too long for a URL."""
    params = request.POST if request.method == "POST" else request.GET
    noc = params.get("noc", "")
    text = "\n".join(params.get(name, "") for name in ("title", "description", "required_skills"))
    suggestions = skill_suggestions(
        text=text, noc_codes=[noc] if noc.isdigit() and len(noc) == 5 else []
    )
    return render(
        request,
        "taxonomy/_skill_suggestions.html",
        {"suggestions": suggestions, "field_name": "esco_skills"},
    )


@login_required
@require_GET
def permit_options(request: HttpRequest) -> HttpResponse:
    """The permits a posting of the NOC unit group ?noc= may require, as boxes named
    `required_permits` (none ticked: the employer ticks those the job needs). Empty for a unit
    group without a regulated permit."""
    return render(
        request,
        "taxonomy/_permit_options.html",
        {"permits": permits_for_noc(request.GET.get("noc", "")[:5]), "checked": []},
    )
