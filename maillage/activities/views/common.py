from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from maillage.accounts.permissions import role_required
from maillage.activities import selectors
from maillage.activities.models import Activity
from maillage.activities.permissions import ORGANISER_ROLES, can_organise
from maillage.candidates.models import CandidateProfile

organiser_required = role_required(*ORGANISER_ROLES)


def _organised(request: HttpRequest, public_id) -> Activity:
    activity = selectors.activity_get(public_id)
    if not can_organise(request.user, activity):
        raise PermissionDenied
    return activity


def _error(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _profile(request: HttpRequest) -> CandidateProfile:
    return get_object_or_404(CandidateProfile, user=request.user)
