import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.accounts.models import Role
from maillage.accounts.permissions import role_required
from maillage.activities import selectors, services
from maillage.activities.forms import OutcomeForm
from maillage.activities.ics import schedule_calendar
from maillage.activities.models import Activity
from maillage.activities.views.common import _error, _organised, _profile, organiser_required
from maillage.core.jobs import background_job_latest, background_job_poll_answer
from maillage.core.models import BackgroundJob, JobState
from maillage.core.video_rooms import video_room_url
from maillage.employers.selectors import company_of
from maillage.prequalification.calibration import queue_threshold


@organiser_required
@require_POST
def schedule_compute(request: HttpRequest, public_id) -> HttpResponse:
    """Queue the computation (or find the running one) and show its progress."""
    activity = _organised(request, public_id)
    try:
        _job, created = services.schedule_compute_request(activity=activity, by=request.user)
    except ValidationError as error:
        _error(request, error)
        return redirect("activities:activity-manage", public_id=activity.public_id)
    if not created:
        messages.info(request, _("The schedule is already being computed: here is its progress."))
    return redirect("activities:schedule-draft", public_id=activity.public_id)


def _quality_message(draft: dict) -> tuple[str, str]:
    if draft["status"] == "optimal":
        return "success", _("The schedule is computed: it is the best possible.")
    if draft["gap"] is None:
        return "warning", _(
            "The schedule is computed, but the time limit ran out before the solver could "
            "bound the best possible: it is the best found."
        )
    return "warning", _(
        "The schedule is computed, but the time limit ran out before the solver proved it "
        "is the best: it is the best found, within %(gap)s of the proven bound."
    ) % {"gap": f"{draft['gap']:.1%}"}


@organiser_required
def schedule_draft(request: HttpRequest, public_id) -> HttpResponse:
    """The latest computation of the schedule: its progress while it runs (the page polls this
    view), its failure, or the draft to preview and publish."""
    activity = _organised(request, public_id)
    job = background_job_latest(kind=services.SCHEDULE_JOB, subject=str(activity.public_id))
    if job is None:
        return redirect("activities:activity-manage", public_id=activity.public_id)
    draft = job.result if job.state == JobState.SUCCEEDED else {}
    context = {
        "activity": activity,
        "job": job,
        "draft": draft,
        "quality": _quality_message(draft) if draft else None,
        "grid": selectors.draft_schedule_grid(activity, draft) if draft else [],
        "poll_url": request.path,
    }
    polled = background_job_poll_answer(request, job, context)
    if polled is not None:
        return polled
    return render(request, "activities/schedule_draft.html", context)


@organiser_required
@require_POST
def schedule_publish(request: HttpRequest, public_id) -> HttpResponse:
    activity = _organised(request, public_id)
    try:
        job_id = uuid.UUID(request.POST.get("job", ""))
    except ValueError as error:
        raise Http404 from error
    job = get_object_or_404(BackgroundJob, public_id=job_id)
    try:
        services.schedule_job_publish(activity=activity, job=job, by=request.user)
    except ValidationError as error:
        _error(request, error)
        return redirect("activities:schedule-draft", public_id=activity.public_id)
    messages.success(request, _("The schedule is published: every participant is told."))
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
