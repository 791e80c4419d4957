"""What the notifications app holds about a person (see maillage.privacy.registry)."""

from maillage.accounts.models import User
from maillage.notifications.models import Notification

SECTION = "notifications"


def export(user: User) -> list:
    return [
        {
            "code": n.code,
            "params": n.params,
            "created_at": n.created_at.isoformat(),
            "read_at": n.read_at.isoformat() if n.read_at else None,
        }
        for n in Notification.objects.filter(recipient=user).order_by("created_at")
    ]


def erase(user: User) -> None:
    Notification.objects.filter(recipient=user).delete()
