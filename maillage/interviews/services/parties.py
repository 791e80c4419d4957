"""Who takes part in an interview, checked by every service before it changes anything."""

from django.core.exceptions import PermissionDenied

from maillage.accounts.models import User
from maillage.interviews.models import Interview


def is_candidate_of(interview: Interview, user: User) -> bool:
    return interview.proposal.candidate.user_id == user.pk


def is_employer_of(interview: Interview, user: User) -> bool:
    membership = getattr(user, "company_membership", None)
    return membership is not None and membership.company_id == interview.proposal.posting.company_id


def require_candidate(interview: Interview, user: User) -> None:
    if not is_candidate_of(interview, user):
        raise PermissionDenied("Only the invited candidate does this")


def require_employer(interview: Interview, user: User) -> None:
    if not is_employer_of(interview, user):
        raise PermissionDenied("Only the posting's company does this")


def require_party(interview: Interview, user: User) -> None:
    if not (is_candidate_of(interview, user) or is_employer_of(interview, user)):
        raise PermissionDenied("Only the candidate and the employer do this")
