"""Sending and reading in-app notifications. Other apps call notification_send."""

from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation

from maillage.accounts.models import User
from maillage.notifications.catalog import (
    notification_message_is_known,
    notification_message_render,
)
from maillage.notifications.models import Notification


def notification_send(
    *,
    recipient: User,
    code: str,
    params: dict[str, str] | None = None,
    url_name: str = "",
    url_args: list | None = None,
) -> Notification:
    """Store a notification for `recipient`, inside the caller's transaction.

    `code` must be registered (catalog.py) and `params` must fill its sentence in every language:
    a mistake is raised here, where it is made, not when the person opens the page.
    """
    params = {name: str(value) for name, value in (params or {}).items()}
    url_args = [str(arg) for arg in (url_args or [])]
    if not notification_message_is_known(code):
        raise ValueError(f"Unknown notification code {code!r}")
    for language in ("fr", "en"):
        with translation.override(language):
            notification_message_render(code, params)
    if url_name:
        try:
            reverse(url_name, args=url_args)
        except NoReverseMatch as exc:
            raise ValueError(f"Notification link {url_name!r} does not resolve") from exc
    return Notification.objects.create(
        recipient=recipient, code=code, params=params, url_name=url_name, url_args=url_args
    )


@transaction.atomic
def notification_mark_read(*, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notifications_mark_all_read(*, user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
