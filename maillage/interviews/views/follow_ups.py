"""The advisors' follow-ups of placements, and the retention figures they produce."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.accounts.models import TEAM_ROLES, Role
from maillage.accounts.permissions import role_required
from maillage.interviews import selectors, services
from maillage.interviews.forms import FollowUpForm
from maillage.interviews.models import FollowUpStatus

team_required = role_required(*TEAM_ROLES)
advisor_required = role_required(Role.ADVISOR)


def _page(request: HttpRequest, forms: dict | None = None, status: int = 200) -> HttpResponse:
    show = request.GET.get("show", FollowUpStatus.PENDING)
    items = list(selectors.follow_ups(status="" if show == "all" else FollowUpStatus.PENDING))
    today = timezone.localdate()
    for item in items:
        item.is_due = item.due_on <= today
        item.form = (forms or {}).get(item.pk) or FollowUpForm(prefix=f"follow-up-{item.pk}")
    return render(
        request,
        "interviews/follow_up_list.html",
        {
            "follow_ups": items,
            "show": show,
            "retention": selectors.retention_figures(),
            "placements": selectors.placements_count(),
            "can_record": request.user.role == Role.ADVISOR,
        },
        status=status,
    )


@team_required
def follow_up_list(request: HttpRequest) -> HttpResponse:
    return _page(request)


@advisor_required
@require_POST
def follow_up_record(request: HttpRequest, pk: int) -> HttpResponse:
    follow_up = selectors.follow_up_for_team(pk)
    form = FollowUpForm(request.POST, prefix=f"follow-up-{follow_up.pk}")
    if not form.is_valid():
        return _page(request, {follow_up.pk: form}, status=400)
    try:
        services.follow_up_record(
            follow_up=follow_up,
            by=request.user,
            is_still_employed=form.cleaned_data["is_still_employed"] == "yes",
            is_still_in_region=form.cleaned_data["is_still_in_region"] == "yes",
            note=form.cleaned_data["note"],
        )
    except services.InterviewError as error:
        form.add_error(None, error)
        return _page(request, {follow_up.pk: form}, status=400)
    messages.success(request, _("The follow-up is recorded."))
    return redirect("interviews:follow-up-list")
