"""Every form that asks for the password again counts failures in the login lockout: guessing
through the account deletion or the password change is as slow as through the login."""

from html import unescape

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from maillage.accounts.models import User
from maillage.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "un-nouveau-mot-de-passe-9"


def _delete(client, password: str):
    return client.post(
        reverse("privacy:account-delete"), {"password": password, "is_understood": "on"}
    )


def _change(client, password: str):
    return client.post(
        reverse("accounts:password-change"),
        {"old_password": password, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )


@pytest.mark.parametrize("attempt", [_delete, _change])
def test_five_wrong_passwords_lock_the_sensitive_form_and_the_login(client, attempt):
    user = UserFactory(email="amina@example.org")
    client.force_login(user)
    for _ in range(4):
        response = attempt(client, "devine-peut-etre-1")
        assert response.status_code in (200, 400)  # the form again, with the error
        assert "Ce n'est pas votre mot de passe." in unescape(response.content.decode())

    assert attempt(client, "devine-peut-etre-1").status_code == 429
    # Locked: the right password changes nothing either, here and on the login page.
    assert attempt(client, PASSWORD).status_code == 429
    user.refresh_from_db()
    assert user.is_active and user.check_password(PASSWORD)
    client.logout()
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 429
    assert AccessAttempt.objects.get(username="amina@example.org").failures_since_start >= 5


def test_the_right_password_still_changes_it(client):
    user = UserFactory()
    client.force_login(user)

    assert _change(client, PASSWORD).status_code == 302
    assert User.objects.get(pk=user.pk).check_password(NEW_PASSWORD)
