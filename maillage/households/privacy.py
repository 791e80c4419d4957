"""What the households app holds about a person (see maillage.privacy.registry): the links
they made or accepted and the invitations waiting at their address. The export names no other
person (not the partner's name, not the address the person typed), and gives the person's own
choice about their work search, never the partner's."""

from django.db.models import Q

from maillage.accounts.models import User
from maillage.households.models import HouseholdLink

SECTION = "households"


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _links(user: User):
    return HouseholdLink.objects.filter(
        Q(inviter__user=user) | Q(partner__user=user) | Q(invitee_email=user.email.lower())
    )


def _entry(link: HouseholdLink, user: User) -> dict:
    is_inviter = link.inviter.user_id == user.pk
    return {
        "role": "invited_someone" if is_inviter else "was_invited",
        "status": link.status,
        "created_at": _iso(link.created_at),
        "answered_at": _iso(link.answered_at),
        "ended_at": _iso(link.ended_at),
        # The person's own choice only (the partner's is the partner's).
        "work_search_shared_with_partners_employers_since": _iso(
            link.inviter_search_shared_at if is_inviter else link.partner_search_shared_at
        ),
    }


def export(user: User) -> list:
    return [
        _entry(link, user) for link in _links(user).select_related("inviter").order_by("created_at")
    ]


def erase(user: User) -> None:
    """The links go: the partner's household ends with the account."""
    _links(user).delete()
