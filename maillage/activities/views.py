from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from maillage.accounts.models import Role
from maillage.accounts.permissions import role_required
from maillage.activities import selectors, services
from maillage.activities.forms import (
    ActivityForm,
    CandidateRegistrationForm,
    ConstraintForm,
    EmployerRegistrationForm,
    OutcomeForm,
)
from maillage.activities.ics import schedule_calendar
from maillage.activities.models import (
    Activity,
    CandidateRegistration,
    EmployerRegistration,
    MeetingConstraint,
)
from maillage.activities.permissions import ORGANISER_ROLES, can_follow_up, can_organise
from maillage.candidates.models import CandidateProfile
from maillage.core.video_rooms import video_room_url
from maillage.employers.models import PostingStatus
from maillage.employers.selectors import company_of

organiser_required = role_required(*ORGANISER_ROLES)


def _organised(request: HttpRequest, public_id) -> Activity:
    activity = selectors.activity_get(public_id)
    if not can_organise(request.user, activity):
        raise PermissionDenied
    return activity


def _error(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


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


@role_required(Role.EMPLOYER)
@require_POST
def employer_register(request: HttpRequest, public_id) -> HttpResponse:
    activity = selectors.activity_get(public_id)
    company = company_of(request.user)
    form = EmployerRegistrationForm(
        request.POST, postings=company.postings.filter(status=PostingStatus.PUBLISHED)
    )
    if form.is_valid():
        try:
            services.employer_register(
                activity=activity,
                company=company,
                postings=list(form.cleaned_data["postings"]),
                by=request.user,
                today=timezone.localdate(),
            )
        except ValidationError as error:
            _error(request, error)
        else:
            messages.success(request, _("Your company is registered for this activity."))
    else:
        messages.error(request, _("Choose at least one posting to bring."))
    return redirect("activities:activity-detail", public_id=activity.public_id)


@role_required(Role.EMPLOYER)
@require_POST
def employer_withdraw(request: HttpRequest, public_id) -> HttpResponse:
    activity = selectors.activity_get(public_id)
    try:
        services.employer_withdraw(
            activity=activity, company=company_of(request.user), today=timezone.localdate()
        )
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("Your company's registration is withdrawn."))
    return redirect("activities:activity-detail", public_id=activity.public_id)


def _profile(request: HttpRequest) -> CandidateProfile:
    return get_object_or_404(CandidateProfile, user=request.user)


@role_required(Role.CANDIDATE)
@require_POST
def candidate_register(request: HttpRequest, public_id) -> HttpResponse:
    activity = selectors.activity_get(public_id)
    form = CandidateRegistrationForm(request.POST)
    try:
        services.candidate_register(
            activity=activity,
            profile=_profile(request),
            consents=form.is_valid() and form.cleaned_data["consents"],
            today=timezone.localdate(),
        )
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(
            request, _("You are registered. Your schedule will appear here once it is computed.")
        )
    return redirect("activities:activity-detail", public_id=activity.public_id)


@role_required(Role.CANDIDATE)
@require_POST
def candidate_withdraw(request: HttpRequest, public_id) -> HttpResponse:
    activity = selectors.activity_get(public_id)
    try:
        services.candidate_withdraw(
            activity=activity, profile=_profile(request), today=timezone.localdate()
        )
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("Your registration is withdrawn."))
    return redirect("activities:activity-detail", public_id=activity.public_id)


@role_required(Role.CANDIDATE)
@require_POST
def invitation_answer(request: HttpRequest, public_id, answer: str) -> HttpResponse:
    activity = selectors.activity_get(public_id)
    form = CandidateRegistrationForm(request.POST)
    try:
        services.candidate_invitation_answer(
            activity=activity,
            profile=_profile(request),
            accept=answer == "accept",
            consents=form.is_valid() and form.cleaned_data["consents"],
            today=timezone.localdate(),
        )
    except ValidationError as error:
        _error(request, error)
    else:
        if answer == "accept":
            messages.success(request, _("You accepted the invitation: you are registered."))
        else:
            messages.success(request, _("You declined the invitation."))
    return redirect("activities:activity-detail", public_id=activity.public_id)


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
            "registered_count": len(registered),
            "outcome_form": OutcomeForm(),
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


def _back_from_meeting(request: HttpRequest, meeting) -> HttpResponse:
    if can_organise(request.user, meeting.activity):
        return redirect("activities:activity-manage", public_id=meeting.activity.public_id)
    return redirect("activities:my-schedule", public_id=meeting.activity.public_id)


@role_required(*ORGANISER_ROLES, Role.EMPLOYER)
@require_POST
def meeting_check_in(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get(pk)
    if not can_follow_up(request.user, meeting):
        raise PermissionDenied
    try:
        services.meeting_check_in(meeting=meeting, by=request.user)
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("Meeting checked in."))
    return _back_from_meeting(request, meeting)


@role_required(*ORGANISER_ROLES, Role.EMPLOYER)
@require_POST
def meeting_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get(pk)
    if not can_follow_up(request.user, meeting):
        raise PermissionDenied
    form = OutcomeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a follow-up from the list."))
        return _back_from_meeting(request, meeting)
    try:
        services.meeting_outcome_record(
            meeting=meeting, outcome=form.cleaned_data["outcome"], by=request.user
        )
    except ValidationError as error:
        _error(request, error)
    else:
        messages.success(request, _("Follow-up recorded."))
    return _back_from_meeting(request, meeting)


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
    return render(
        request,
        "activities/my_schedule.html",
        {"activity": activity, "rows": rows, "whom": whom, "outcome_form": OutcomeForm()},
    )


@role_required(Role.CANDIDATE, Role.EMPLOYER)
def my_schedule_ics(request: HttpRequest, public_id) -> HttpResponse:
    activity = selectors.activity_get(public_id)
    meetings, names, whom = _personal_schedule(request, activity)
    body = schedule_calendar(activity=activity, meetings=meetings, other_party=names, for_whom=whom)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="maillage-{activity.public_id}.ics"'
    return response
