"""Login is rate-limited by django-axes: five wrong passwords for one account from one address
block it for 15 minutes, with a translated page and HTTP 429."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from maillage.accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _login(client, email: str, password: str, *, ip: str = "203.0.113.7"):
    return client.post(
        reverse("accounts:login"), {"username": email, "password": password}, REMOTE_ADDR=ip
    )


def test_fifth_wrong_password_locks_the_account_with_a_french_page(client):
    user = UserFactory(email="amina@example.org")
    for _ in range(4):
        response = _login(client, user.email, "wrong-password-1")
        assert response.status_code == 200
        assert "ne correspondent pas" in response.content.decode()

    response = _login(client, user.email, "wrong-password-1")

    assert response.status_code == 429
    page = response.content.decode()
    assert "Trop de tentatives" in page
    assert "bloquée pendant 15\u00a0minutes après 5\u00a0mots de passe erronés" in page
    assert AccessAttempt.objects.get(username=user.email).failures_since_start == 5


def test_locked_account_refuses_even_the_right_password(client):
    user = UserFactory(email="carlos@example.org")
    for _ in range(5):
        _login(client, user.email, "wrong-password-1")

    response = _login(client, user.email, PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_page_is_in_english_under_en(client):
    user = UserFactory(email="olga@example.org")
    for _ in range(5):
        response = client.post(
            "/en/accounts/login/",
            {"username": user.email, "password": "wrong-password-1"},
            REMOTE_ADDR="203.0.113.7",
        )
    assert response.status_code == 429
    assert "logging in to this account is blocked for 15 minutes after 5 wrong passwords" in (
        response.content.decode()
    )


def test_other_address_is_not_blocked_and_success_resets_the_count(client):
    user = UserFactory(email="ravi@example.org")
    for _ in range(5):
        _login(client, user.email, "wrong-password-1", ip="203.0.113.7")

    response = _login(client, user.email, PASSWORD, ip="198.51.100.20")

    assert response.status_code == 302
    assert response.url == reverse("site:dashboard")
    assert not AccessAttempt.objects.filter(ip_address="198.51.100.20").exists()


def test_four_failures_then_success_leave_no_attempt_behind(client):
    user = UserFactory(email="mei@example.org")
    for _ in range(4):
        _login(client, user.email, "wrong-password-1")

    response = _login(client, user.email, PASSWORD)

    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username=user.email).exists()


def test_changing_the_case_of_the_address_shares_one_count(client):
    user = UserFactory(email="candidat40@example.org")
    for variant in ["Candidat40@example.org", "CANDIDAT40@example.org", "candidat40@EXAMPLE.org"]:
        _login(client, variant, "wrong-password-1")
    _login(client, " cAndidat40@example.org ", "wrong-password-1")
    response = _login(client, "candidat40@example.ORG", "wrong-password-1")
    assert response.status_code == 429

    response = _login(client, "CANDIDAT40@example.org", PASSWORD)

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {user.email}


def test_one_password_sprayed_over_many_accounts_locks_the_address(client, settings):
    settings.AXES_IP_FAILURE_LIMIT = 8
    victim = UserFactory(email="victime@example.org")
    for number in range(8):
        response = _login(client, f"person{number}@example.org", "Printemps2026!")
    assert response.status_code == 429
    assert "à partir de votre réseau" in response.content.decode()

    # Even the right password of an account never tried fails from that address, not from others.
    assert _login(client, victim.email, PASSWORD).status_code == 429
    assert _login(client, victim.email, PASSWORD, ip="198.51.100.20").status_code == 302


def test_a_few_failures_over_several_accounts_do_not_lock_the_address(client, settings):
    settings.AXES_IP_FAILURE_LIMIT = 8
    user = UserFactory(email="bureau@example.org")
    for number in range(7):
        _login(client, f"collegue{number}@example.org", "wrong-password-1")

    assert _login(client, user.email, PASSWORD).status_code == 302
