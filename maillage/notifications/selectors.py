from django.db.models import QuerySet
from django.http import Http404

from maillage.accounts.models import User
from maillage.notifications.models import Notification


def notifications_of(user: User) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user)


def notification_unread_count(user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notification_of(user: User, pk: int) -> Notification:
    """One of the person's own notifications; 404 for anybody else's."""
    try:
        return Notification.objects.get(recipient=user, pk=pk)
    except Notification.DoesNotExist as exc:
        raise Http404 from exc
