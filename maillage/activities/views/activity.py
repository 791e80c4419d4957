from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from maillage.accounts.models import Role
from maillage.activities import selectors, services
from maillage.activities.forms import (
    ActivityForm,
    CandidateRegistrationForm,
    ConstraintForm,
    EmployerRegistrationForm,
    OutcomeForm,
)
from maillage.activities.models import (
    CandidateRegistration,
    EmployerRegistration,
    MeetingConstraint,
)
from maillage.activities.permissions import ORGANISER_ROLES, can_organise
from maillage.activities.views.common import _error, _organised, organiser_required
from maillage.core.jobs import background_job_latest
from maillage.employers.models import PostingStatus
from maillage.employers.selectors import company_of
from maillage.prequalification.calibration import queue_threshold


def activity_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "activities/activity_list.html",
        {
            "activities": selectors.activity_list_upcoming(today=today),
            "mine": selectors.activities_of_user(request.user, today=today)
            if request.user.is_authenticated
            else [],
            "can_create": request.user.is_authenticated and request.user.role in ORGANISER_ROLES,
            # The program team sees the participation figure the program figures show.
            "participation": selectors.employer_participation()
            if request.user.is_authenticated and request.user.is_team
            else None,
        },
    )


def _form_with_regions(request: HttpRequest, form: ActivityForm) -> ActivityForm:
    if request.user.role == Role.PARTNER:
        form.fields["region"].queryset = form.fields["region"].queryset.filter(
            pk=request.user.region_id
        )
    return form


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@organiser_required
@require_http_methods(["GET", "POST"])
def activity_create(request: HttpRequest) -> HttpResponse:
    form = _form_with_regions(request, ActivityForm(request.POST or None))
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.activity_create(
                by=request.user,
                fields={name: form.cleaned_data[name] for name in ActivityForm.Meta.fields},
                today=timezone.localdate(),
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The activity is created. Registration is open."))
            return redirect("activities:activity-manage", public_id=activity.public_id)
    return render(
        request,
        "activities/activity_form.html",
        {"form": form, "title": _("New matching activity")},
    )


@organiser_required
@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, public_id) -> HttpResponse:
    activity = _organised(request, public_id)
    form = _form_with_regions(request, ActivityForm(request.POST or None, instance=activity))
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_update(
                activity=activity,
                changes={name: form.cleaned_data[name] for name in ActivityForm.Meta.fields},
                today=timezone.localdate(),
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The activity is saved."))
            return redirect("activities:activity-manage", public_id=activity.public_id)
    return render(
        request,
        "activities/activity_form.html",
        {"form": form, "title": _("Edit the activity"), "activity": activity},
    )


def activity_detail(request: HttpRequest, public_id) -> HttpResponse:
    activity = selectors.activity_get(public_id)
    user = request.user
    context = {"activity": activity, "can_organise": can_organise(user, activity)}
    if user.is_authenticated and user.role == Role.CANDIDATE:
        context["candidate_registration"] = selectors.registration_of_candidate(activity, user)
        context["candidate_form"] = CandidateRegistrationForm()
    if user.is_authenticated and user.role == Role.EMPLOYER:
        company = company_of(user)
        registration = selectors.registration_of_company(activity, company)
        context["employer_registration"] = registration
        context["employer_form"] = EmployerRegistrationForm(
            postings=company.postings.filter(status=PostingStatus.PUBLISHED).order_by("title"),
            initial={"postings": list(registration.postings.all()) if registration else []},
        )
    return render(request, "activities/activity_detail.html", context)


@organiser_required
def activity_manage(request: HttpRequest, public_id) -> HttpResponse:
    activity = _organised(request, public_id)
    meetings = list(selectors.meetings_of_activity(activity))
    constraints = {
        (c.candidate_id, c.company_id): c
        for c in MeetingConstraint.objects.filter(activity=activity).select_related(
            "candidate__user", "company"
        )
    }
    grid = [
        (slot, start, end, [m for m in meetings if m.slot == slot])
        for slot, start, end in activity.slots()
    ]
    candidates = list(selectors.candidate_registrations(activity))
    served = {m.candidate_id for m in meetings}
    registered = [r for r in candidates if r.status == CandidateRegistration.Status.REGISTERED]
    partner = _is_partner(request)
    if partner:
        candidates = registered  # the others never agreed to be known to the partner
    return render(
        request,
        "activities/activity_manage.html",
        {
            "activity": activity,
            "employers": selectors.employer_registrations(activity),
            "candidates": candidates,
            "invitable": selectors.invitable_candidates(activity, region_only=partner)
            if activity.is_open
            else [],
            "shows_invitable_names": not partner,
            "grid": grid,
            "meetings": meetings,
            "constraints": constraints,
            "constraint_list": list(constraints.values()),
            "served_count": len(served),
            "left_out": selectors.candidates_left_out(activity),
            "meeting_threshold": queue_threshold(),
            "registered_count": len(registered),
            "outcome_form": OutcomeForm(),
            "schedule_job": background_job_latest(
                kind=services.SCHEDULE_JOB, subject=str(activity.public_id)
            ),
        },
    )


def _is_partner(request: HttpRequest) -> bool:
    """A regional partner acts in their region only and sees only the names of candidates who
    agreed to take part (advisors, the program's staff, see the whole short list)."""
    return request.user.role == Role.PARTNER


@organiser_required
@require_POST
def candidate_invite(request: HttpRequest, public_id) -> HttpResponse:
    activity = _organised(request, public_id)
    partner = _is_partner(request)
    profile = selectors.invitable_candidate(
        activity, request.POST.get("candidate", ""), region_only=partner
    )
    try:
        services.candidate_invite(
            activity=activity, profile=profile, by=request.user, today=timezone.localdate()
        )
    except ValidationError as error:
        _error(request, error)
    else:
        if partner:
            messages.success(request, _("The candidate is invited and will answer."))
        else:
            messages.success(request, _("%(name)s is invited.") % {"name": profile.user.full_name})
    return redirect("activities:activity-manage", public_id=activity.public_id)


@organiser_required
@require_POST
def constraint_set(request: HttpRequest, public_id) -> HttpResponse:
    activity = _organised(request, public_id)
    form = ConstraintForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, _("This decision could not be read. Reload the page and try again.")
        )
        return redirect("activities:activity-manage", public_id=activity.public_id)
    candidate = selectors.registered_candidate(activity, form.cleaned_data["candidate"])
    company = selectors.registered_company(activity, form.cleaned_data["company"])
    try:
        services.meeting_constraint_set(
            activity=activity,
            candidate=candidate,
            company=company,
            kind=form.cleaned_data["kind"],
            slot=form.cleaned_data["slot"],
            by=request.user,
        )
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("Decision recorded. Compute the schedule again to apply it."))
    return redirect("activities:activity-manage", public_id=activity.public_id)


@organiser_required
@require_POST
def constraint_remove(request: HttpRequest, public_id, pk: int) -> HttpResponse:
    activity = _organised(request, public_id)
    constraint = get_object_or_404(MeetingConstraint, pk=pk, activity=activity)
    try:
        services.meeting_constraint_remove(constraint=constraint)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("Decision removed. Compute the schedule again to apply it."))
    return redirect("activities:activity-manage", public_id=activity.public_id)


@organiser_required
@require_POST
def attendance_record(request: HttpRequest, public_id, pk: int) -> HttpResponse:
    activity = _organised(request, public_id)
    registration = get_object_or_404(EmployerRegistration, pk=pk, activity=activity)
    services.employer_attendance_record(
        registration=registration, attended=request.POST.get("attended") == "1"
    )
    messages.success(request, _("Participation recorded."))
    return redirect("activities:activity-manage", public_id=activity.public_id)


@organiser_required
@require_POST
def activity_complete(request: HttpRequest, public_id) -> HttpResponse:
    activity = _organised(request, public_id)
    try:
        services.activity_complete(activity=activity)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("The activity is marked as completed."))
    return redirect("activities:activity-manage", public_id=activity.public_id)


@organiser_required
@require_POST
def activity_cancel(request: HttpRequest, public_id) -> HttpResponse:
    activity = _organised(request, public_id)
    try:
        services.activity_cancel(activity=activity)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("The activity is cancelled."))
    return redirect("activities:activity-manage", public_id=activity.public_id)
