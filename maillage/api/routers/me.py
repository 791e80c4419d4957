"""The caller: who they are, and for candidates their own profile and matches."""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.pagination import paginate

from maillage.api import representation, selectors
from maillage.api.auth import PERSON_AUTH
from maillage.api.errors import ERROR_STATUSES, ApiError, ErrorOut
from maillage.api.pagination import Page, Represented
from maillage.api.schemas import CandidateProfileOut, MatchOut, MeOut
from maillage.candidates.models import CandidateProfile

router = Router(tags=["Me"], auth=PERSON_AUTH)


def _profile(request: HttpRequest, *, with_details: bool = True) -> CandidateProfile:
    profile = selectors.candidate_profile(request.auth, with_details=with_details)
    if profile is None:
        raise ApiError(403, "not_candidate", _("Only candidates have a profile and matches."))
    return profile


@router.get("/me", response={200: MeOut, ERROR_STATUSES: ErrorOut})
def me(request: HttpRequest):
    user = request.auth
    return {
        "id": user.public_id,
        "email": user.email,
        "full_name": user.full_name,
        "role": user.role,
        "language": user.language,
    }


@router.get("/me/profile", response={200: CandidateProfileOut, ERROR_STATUSES: ErrorOut})
def candidate_profile(request: HttpRequest):
    return representation.candidate_profile_out(_profile(request))


@router.get("/me/matches", response={200: list[MatchOut], ERROR_STATUSES: ErrorOut})
@paginate(Page)
def candidate_matches(request: HttpRequest):
    return Represented(
        selectors.candidate_matches(_profile(request, with_details=False)), representation.match_out
    )
