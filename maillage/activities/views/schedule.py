from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.accounts.models import Role
from maillage.accounts.permissions import role_required
from maillage.activities import selectors, services
from maillage.activities.forms import OutcomeForm
from maillage.activities.ics import schedule_calendar
from maillage.activities.models import Activity
from maillage.activities.views.common import _error, _organised, _profile, organiser_required
from maillage.core.video_rooms import video_room_url
from maillage.employers.selectors import company_of
from maillage.prequalification.calibration import queue_threshold


@organiser_required
@require_POST
def schedule_compute(request: HttpRequest, public_id) -> HttpResponse:
    activity = _organised(request, public_id)
    try:
        result = services.schedule_compute(
            activity=activity, by=request.user, today=timezone.localdate()
        )
    except ValidationError as error:
        _error(request, error)
    else:
        if result.is_optimal:
            messages.success(request, _("The schedule is computed: it is the best possible."))
        elif result.gap == float("inf"):
            messages.warning(
                request,
                _(
                    "The schedule is computed, but the time limit ran out before the solver could "
                    "bound the best possible: it is the best found."
                ),
            )
        else:
            messages.warning(
                request,
                _(
                    "The schedule is computed, but the time limit ran out before the solver proved it "
                    "is the best: it is the best found, within %(gap)s of the proven bound."
                )
                % {"gap": f"{result.gap:.1%}"},
            )
    return redirect("activities:activity-manage", public_id=activity.public_id)


@organiser_required
@require_POST
def schedule_clear(request: HttpRequest, public_id) -> HttpResponse:
    activity = _organised(request, public_id)
    try:
        services.schedule_clear(activity=activity)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("The schedule is cleared and registration is open again."))
    return redirect("activities:activity-manage", public_id=activity.public_id)


def _personal_schedule(request: HttpRequest, activity: Activity):
    """The meetings of the person asking, with the name of who they meet; 404 for others."""
    user = request.user
    if user.role == Role.CANDIDATE:
        profile = _profile(request)
        meetings = list(selectors.meetings_of_candidate(activity, profile))
        return meetings, {m.pk: m.company.legal_name for m in meetings}, "candidate"
    if user.role == Role.EMPLOYER:
        company = company_of(user)
        meetings = list(selectors.meetings_of_company(activity, company))
        return meetings, {m.pk: m.candidate.user.full_name for m in meetings}, "employer"
    raise PermissionDenied


@role_required(Role.CANDIDATE, Role.EMPLOYER)
def my_schedule(request: HttpRequest, public_id) -> HttpResponse:
    activity = selectors.activity_get(public_id)
    meetings, names, whom = _personal_schedule(request, activity)
    rows = [
        {
            "meeting": m,
            "name": names[m.pk],
            "room_url": video_room_url(m.room_name) if m.room_name else "",
        }
        for m in meetings
    ]
    left_out = None
    if whom == "candidate" and not meetings:
        left_out = selectors.left_out_of(activity, _profile(request))
    return render(
        request,
        "activities/my_schedule.html",
        {
            "activity": activity,
            "rows": rows,
            "whom": whom,
            "outcome_form": OutcomeForm(),
            "left_out": left_out,
            "meeting_threshold": queue_threshold() if left_out else None,
        },
    )


@role_required(Role.CANDIDATE, Role.EMPLOYER)
def my_schedule_ics(request: HttpRequest, public_id) -> HttpResponse:
    activity = selectors.activity_get(public_id)
    meetings, names, whom = _personal_schedule(request, activity)
    body = schedule_calendar(activity=activity, meetings=meetings, other_party=names, for_whom=whom)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="maillage-{activity.public_id}.ics"'
    return response
