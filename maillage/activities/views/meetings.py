from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.accounts.models import Role
from maillage.accounts.permissions import role_required
from maillage.activities import selectors, services
from maillage.activities.forms import OutcomeForm
from maillage.activities.permissions import ORGANISER_ROLES, can_follow_up, can_organise
from maillage.activities.views.common import _error


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
