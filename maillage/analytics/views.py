"""Program figures: the dashboard (program team; regional partners see their region, with small
counts suppressed), its CSV and Excel exports, and the public page of aggregate results."""

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language

from maillage.accounts.models import TEAM_ROLES, Role
from maillage.accounts.permissions import role_required
from maillage.analytics.charts import chart_for
from maillage.analytics.exports import as_csv, as_xlsx
from maillage.analytics.figures import Filters, program_figures
from maillage.analytics.forms import FiltersForm
from maillage.analytics.report import sections

dashboard_roles = role_required(Role.MANAGER, Role.ADVISOR, Role.PARTNER)
PUBLIC_SECTIONS = {"employers", "pipeline", "placements_by_region", "retention", "delay"}


def _filters(request: HttpRequest) -> tuple[FiltersForm | None, Filters, bool]:
    """The filters asked for and whether small counts are suppressed. Who sees suppressed counts
    (a regional partner) sees their whole region and no filter: two filtered figures subtracted
    (the region's employers minus one chamber's, a period minus a shorter one) would give back
    a count the suppression hides (maillage/analytics/tests/test_differencing.py)."""
    suppress = request.user.role not in TEAM_ROLES
    if suppress:
        return None, Filters(region=request.user.region), suppress
    form = FiltersForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    filters = Filters(
        start=data.get("start"),
        end=data.get("end"),
        region=data.get("region"),
        chamber=data.get("chamber"),
        noc_category=data.get("noc_category") or "",
    )
    return form, filters, suppress


def _with_charts(found):
    return [(section, chart_for(section)) for section in found]


@dashboard_roles
def dashboard(request: HttpRequest) -> HttpResponse:
    form, filters, suppress = _filters(request)
    found = sections(program_figures(filters), suppress=suppress)
    return render(
        request,
        "analytics/dashboard.html",
        {
            "form": form,
            "filters": filters,
            "sections": _with_charts(found),
            "is_suppressed": suppress,
            "small_count": settings.SMALL_COUNT_THRESHOLD,
            "query": request.GET.urlencode(),
        },
    )


@dashboard_roles
def export(request: HttpRequest, kind: str) -> HttpResponse:
    if kind not in {"csv", "xlsx"}:
        raise Http404
    _form, filters, suppress = _filters(request)
    found = sections(program_figures(filters), suppress=suppress)
    stamp = timezone.localdate().isoformat()
    if kind == "xlsx":
        response = HttpResponse(
            as_xlsx(found),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(as_csv(found), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="maillage-figures-{stamp}.{kind}"'
    return response


PUBLIC_CACHE_SECONDS = 600


def _public_sections() -> list:
    found = sections(program_figures(Filters()), suppress=True)
    return [section for section in found if section.key in PUBLIC_SECTIONS]


def public(request: HttpRequest) -> HttpResponse:
    # Anyone may open it, so its aggregates over every table are computed once per 10 minutes
    # and language (the data only; the page itself carries each visitor's CSRF token).
    found = cache.get_or_set(
        f"analytics:public:{get_language()}", _public_sections, PUBLIC_CACHE_SECONDS
    )
    return render(
        request,
        "analytics/public.html",
        {"sections": _with_charts(found), "small_count": settings.SMALL_COUNT_THRESHOLD},
    )
