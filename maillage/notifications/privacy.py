"""What the notifications app holds about a person (see maillage.privacy.registry)."""

from maillage.accounts.models import User
from maillage.notifications.catalog import ERASED
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
    """The person's own notifications go; in other people's, their name is replaced by a
    placeholder each reader sees in their language (and their own exports then hold no name)."""
    Notification.objects.filter(recipient=user).delete()
    if not user.full_name:
        return
    # Read in Python: the stored JSON escapes accents on SQLite, so a database text search
    # would miss "Gómez". Deletions are rare; this reads only ids and parameters.
    others = Notification.objects.exclude(recipient=user).only("pk", "params")
    for notification in others.iterator():
        params = {
            key: ERASED if value == user.full_name else value
            for key, value in notification.params.items()
        }
        if params != notification.params:
            notification.params = params
            notification.save(update_fields=["params"])
