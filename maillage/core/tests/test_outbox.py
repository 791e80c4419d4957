"""Tasks asked for while the broker is away are not lost: the outbox sends them later."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError

from maillage.core.mail import mail_send_later
from maillage.core.models import OutboxMessage
from maillage.core.outbox import outbox_drain
from maillage.core.tasks import send_templated_mail

pytestmark = pytest.mark.django_db(transaction=True)


def _ask_for_an_email() -> None:
    with transaction.atomic():
        mail_send_later(
            to="amina@example.org",
            template="accounts/email/account_exists",
            context={"full_name": "Amina"},
            language="fr",
        )


@pytest.fixture
def broker_away(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(send_templated_mail, "apply_async", refuse)
    return monkeypatch


def test_an_email_asked_for_is_sent_once_the_transaction_commits():
    _ask_for_an_email()
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    assert OutboxMessage.objects.get().sent_at is not None


def test_an_email_asked_for_while_the_broker_is_away_is_sent_when_it_is_back(broker_away):
    _ask_for_an_email()  # the request answers: the broker's refusal is not its error
    waiting = OutboxMessage.objects.get()
    assert (waiting.sent_at, waiting.attempts) == (None, 1)
    assert "Connection refused" in waiting.last_error
    assert mail.outbox == []

    later = timezone.now() + timedelta(minutes=2)
    assert outbox_drain(now=later) == (0, 1)  # still away: kept, tried again later
    broker_away.undo()
    assert outbox_drain(now=later + timedelta(minutes=5)) == (1, 0)
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    assert outbox_drain(now=later + timedelta(minutes=10)) == (0, 0)  # never sent twice
    assert len(mail.outbox) == 1


def test_the_drain_leaves_young_messages_to_their_sender(broker_away):
    _ask_for_an_email()
    broker_away.undo()
    OutboxMessage.objects.update(next_attempt_at=timezone.now())
    assert outbox_drain() == (0, 1)  # written less than a minute ago


def _ask_then_fail() -> None:
    with transaction.atomic():
        mail_send_later(to="x@example.org", template="t", context={}, language="fr")
        raise RuntimeError("the request failed after asking")


def test_a_rolled_back_transaction_sends_nothing():
    with pytest.raises(RuntimeError):
        _ask_then_fail()
    assert not OutboxMessage.objects.exists()
    assert mail.outbox == []
