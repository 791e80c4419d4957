"""Tasks queued through an outbox: the message is a row written in the caller's transaction,
sent to the broker once it commits and, when the broker is away (Redis stopped), by the
periodic `outbox_drain` with back-off. Delivery is at least once: tasks sent this way must be
idempotent (they take ids; e-mails are the exception, and a duplicate needs a crash between
sending and marking the row, a few milliseconds)."""

import logging
from datetime import timedelta
from importlib import import_module

from celery import current_app
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from maillage.core.models import OutboxMessage

logger = logging.getLogger(__name__)

# The drain leaves young messages to the sender that wrote them (it sends them on commit).
DRAIN_AFTER = timedelta(seconds=60)
DRAIN_BATCH = 500
MAX_BACKOFF = timedelta(minutes=30)


def outbox_send_later(task_name: str, **kwargs) -> OutboxMessage:
    """Queue `task_name(**kwargs)` once the current transaction commits, without losing it if
    the broker is away. `kwargs` must be plain values (JSON)."""
    message = OutboxMessage.objects.create(task=task_name, kwargs=kwargs)
    transaction.on_commit(lambda: _send(message.pk))
    return message


def _task(name: str):
    """The task registered under `name` ("app.tasks.function"), its module imported first (a web
    process has not imported every tasks module). apply_async, unlike send_task, runs eagerly
    without a broker (the default set-up)."""
    import_module(name.rpartition(".")[0])
    return current_app.tasks[name]


def _send(message_id: int) -> bool:
    message = OutboxMessage.objects.filter(pk=message_id, sent_at__isnull=True).first()
    if message is None:
        return True
    try:
        _task(message.task).apply_async(kwargs=message.kwargs, retry=False)
    except (OperationalError, OSError) as error:  # the broker is away: the drain sends it later
        attempts = message.attempts + 1
        backoff = min(MAX_BACKOFF, timedelta(seconds=30 * 2**attempts))
        OutboxMessage.objects.filter(pk=message.pk).update(
            attempts=attempts,
            next_attempt_at=timezone.now() + backoff,
            last_error=f"{type(error).__name__}: {error}"[:1000],
        )
        logger.warning("outbox: %s not sent (%s); the drain will retry", message.task, error)
        return False
    OutboxMessage.objects.filter(pk=message.pk).update(sent_at=timezone.now())
    return True


def outbox_drain(*, now=None) -> tuple[int, int]:
    """Send what did not go out (older than DRAIN_AFTER, due for another attempt); stops at
    the first failure (the broker is still away). Returns (sent, left)."""
    now = now or timezone.now()
    due = OutboxMessage.objects.filter(
        sent_at__isnull=True, created_at__lte=now - DRAIN_AFTER, next_attempt_at__lte=now
    ).order_by("pk")
    sent = 0
    for message_id in list(due.values_list("pk", flat=True)[:DRAIN_BATCH]):
        if not _send(message_id):
            break
        sent += 1
    left = OutboxMessage.objects.filter(sent_at__isnull=True).count()
    return sent, left
