"""What the households app holds about a person (see maillage.privacy.registry): the links
they made or accepted and the invitations waiting at their address. The export names no other
person (not the partner's name, not the address the person typed)."""

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


def export(user: User) -> list:
    return [
        {
            "role": "invited_someone" if link.inviter.user_id == user.pk else "was_invited",
            "status": link.status,
            "created_at": _iso(link.created_at),
            "answered_at": _iso(link.answered_at),
            "ended_at": _iso(link.ended_at),
        }
        for link in _links(user).select_related("inviter").order_by("created_at")
    ]


def erase(user: User) -> None:
    """The links go: the partner's household ends with the account."""
    _links(user).delete()
