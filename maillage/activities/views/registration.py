from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.accounts.models import Role
from maillage.accounts.permissions import role_required
from maillage.activities import selectors, services
from maillage.activities.forms import (
    CandidateRegistrationForm,
    EmployerRegistrationForm,
)
from maillage.activities.views.common import _error, _profile
from maillage.employers.models import PostingStatus
from maillage.employers.selectors import company_of


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
