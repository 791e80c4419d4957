"""Anyone can ask for a password reset or a new confirmation link: the e-mails are limited per
address and per client, with a clear message, and the limit tells nothing about who has an
account."""

import pytest
from django.core import mail
from django.urls import reverse

from maillage.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIMITED = "Nous avons déjà envoyé plusieurs messages"


def _reset(client, email: str, ip: str = "203.0.113.7"):
    return client.post(reverse("accounts:password-reset"), {"email": email}, REMOTE_ADDR=ip)


def _resend(client, email: str, ip: str = "203.0.113.7"):
    return client.post(
        reverse("accounts:email-confirmation-resend"), {"email": email}, REMOTE_ADDR=ip
    )


@pytest.mark.parametrize("email", ["amina@example.org", "personne@example.org"])
def test_password_reset_mails_stop_after_the_limit_per_address(client, settings, email):
    settings.MAIL_LIMIT_PER_ADDRESS_PER_HOUR = 3
    UserFactory(email="amina@example.org")
    answers = [_reset(client, email, ip=f"198.51.100.{n}").status_code for n in range(5)]

    # The same answers for an address with or without an account.
    assert answers == [302, 302, 302, 429, 429]
    assert len(mail.outbox) == (3 if email == "amina@example.org" else 0)
    page = _reset(client, email.upper()).content.decode()
    assert LIMITED in page


def test_confirmation_links_stop_after_the_limit_per_client(
    client, settings, django_capture_on_commit_callbacks
):
    settings.MAIL_LIMIT_PER_IP_PER_HOUR = 4
    with django_capture_on_commit_callbacks(execute=True):
        for number in range(4):
            UserFactory(email=f"nouveau{number}@example.org", email_confirmed_at=None)
            assert _resend(client, f"nouveau{number}@example.org").status_code == 302
        UserFactory(email="autre@example.org", email_confirmed_at=None)

        response = _resend(client, "autre@example.org")

    assert response.status_code == 429
    assert LIMITED in response.content.decode()
    assert len(mail.outbox) == 4
    # Another client is not held back by this one.
    assert _resend(client, "autre@example.org", ip="198.51.100.20").status_code == 302


def test_repeated_signups_with_a_taken_address_do_not_flood_its_owner(
    client, settings, django_capture_on_commit_callbacks
):
    settings.MAIL_LIMIT_PER_ADDRESS_PER_HOUR = 2
    UserFactory(email="amina@example.org")
    data = {
        "full_name": "Amina Diallo",
        "email": "amina@example.org",
        "password1": "un-mot-de-passe-solide-42",
        "password2": "un-mot-de-passe-solide-42",
        "accepts_privacy_notice": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            assert client.post(reverse("candidates:signup"), data).status_code == 302

    assert len(mail.outbox) == 2
