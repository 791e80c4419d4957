"""Who organises an activity: advisors and the program manager everywhere, a regional partner in
their own region."""

from maillage.accounts.models import Role, User
from maillage.activities.models import Activity, Meeting

ORGANISER_ROLES = (Role.ADVISOR, Role.MANAGER, Role.PARTNER)


def can_organise(user: User, activity: Activity) -> bool:
    if not user.is_authenticated:
        return False
    if user.role in (Role.ADVISOR, Role.MANAGER):
        return True
    return user.role == Role.PARTNER and user.region_id == activity.region_id


def company_id_of(user: User) -> int | None:
    membership = getattr(user, "company_membership", None) if user.is_authenticated else None
    return membership.company_id if membership is not None else None


def can_follow_up(user: User, meeting: Meeting) -> bool:
    """Check-in and follow-up: the organisers and the employer of the meeting."""
    return can_organise(user, meeting.activity) or company_id_of(user) == meeting.company_id
