"""API tokens: created on the account's page (shown once, stored hashed), used as Bearer,
revoked by their owner only."""

from datetime import timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from maillage.accounts.tests.factories import PASSWORD, UserFactory
from maillage.api.models import ApiToken
from maillage.api.services import MAX_ACTIVE_TOKENS, token_hash
from maillage.api.tests.factories import ApiTokenFactory, bearer

pytestmark = pytest.mark.django_db


def test_a_person_creates_a_token_seen_once_and_stored_hashed(client):
    user = UserFactory(full_name="Amina Diallo")
    client.force_login(user)

    response = client.post(
        reverse("api-tokens:token-list"), {"name": "Mon tableur", "password": PASSWORD}
    )

    assert response.status_code == 201
    raw = response.context["new_token"]
    assert raw.startswith("mlg_")
    assert raw in response.content.decode()
    token = ApiToken.objects.get(user=user)
    assert (token.name, token.prefix, token.key_hash) == ("Mon tableur", raw[:12], token_hash(raw))
    assert raw not in token.key_hash
    again = client.get(reverse("api-tokens:token-list"))
    assert raw not in again.content.decode()
    assert raw[:12] in again.content.decode()


def test_the_token_opens_the_api_as_its_owner_and_notes_the_use(client):
    token = ApiTokenFactory(user=UserFactory(email="amina@example.org"))

    response = client.get("/api/v1/me", **bearer(token))

    assert response.status_code == 200
    assert response.json()["email"] == "amina@example.org"
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.parametrize(
    "header", ["Bearer mlg_not-a-real-token", "Bearer ", "Basic abc", "Bearer " + "x" * 500]
)
def test_a_wrong_token_is_401_in_json(client, header):
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=header, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthenticated"


def test_a_revoked_token_no_longer_works(client):
    token = ApiTokenFactory()
    client.force_login(token.user)

    response = client.post(reverse("api-tokens:token-revoke", args=[token.pk]))

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    client.logout()
    assert client.get("/api/v1/me", **bearer(token)).status_code == 401


def test_nobody_revokes_someone_elses_token(client):
    token = ApiTokenFactory()
    client.force_login(UserFactory())

    response = client.post(reverse("api-tokens:token-revoke", args=[token.pk]))

    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_a_closed_account_token_does_not_work(client):
    token = ApiTokenFactory()
    token.user.is_active = False
    token.user.save()
    assert client.get("/api/v1/me", **bearer(token)).status_code == 401


def test_active_tokens_are_capped(client):
    user = UserFactory()
    for index in range(MAX_ACTIVE_TOKENS):
        ApiTokenFactory(user=user, name=f"outil {index}")
    client.force_login(user)

    response = client.post(
        reverse("api-tokens:token-list"), {"name": "un de trop", "password": PASSWORD}
    )

    assert response.status_code == 400
    assert "Vous avez déjà 10\u00a0jetons actifs" in response.content.decode()
    assert user.api_tokens.count() == MAX_ACTIVE_TOKENS


def test_an_empty_name_is_refused_and_nothing_is_created(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("api-tokens:token-list"), {"name": "   ", "password": PASSWORD})
    assert response.status_code == 400
    assert not user.api_tokens.exists()


def test_the_token_page_needs_a_login(client):
    response = client.get(reverse("api-tokens:token-list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_last_use_is_written_at_most_every_five_minutes(client, django_assert_num_queries):
    token = ApiTokenFactory()
    client.get("/api/v1/me", **bearer(token))
    token.refresh_from_db()
    first_use = token.last_used_at
    with django_assert_num_queries(1):  # the token and its person, no UPDATE
        client.get("/api/v1/me", **bearer(token))
    token.refresh_from_db()
    assert token.last_used_at == first_use
    assert first_use <= timezone.now()


def test_creating_a_token_asks_for_the_password_and_counts_failures_in_the_lockout(client):
    user = UserFactory(email="amina@example.org")
    client.force_login(user)
    url = reverse("api-tokens:token-list")

    response = client.post(url, {"name": "Mon tableur", "password": "pas-le-bon-1"})
    assert response.status_code == 400
    assert "Ce n'est pas votre mot de passe" in unescape(response.content.decode())
    for _ in range(4):
        client.post(url, {"name": "Mon tableur", "password": "pas-le-bon-1"})

    # Locked: even the right password is refused, with the lockout page.
    response = client.post(url, {"name": "Mon tableur", "password": PASSWORD})
    assert response.status_code == 429
    assert not user.api_tokens.exists()


def test_an_expired_token_no_longer_works_and_says_so(client):
    token = ApiTokenFactory(expires_at=timezone.now() - timedelta(minutes=1))

    assert client.get("/api/v1/me", **bearer(token)).status_code == 401
    client.force_login(token.user)
    assert "Expiré" in client.get(reverse("api-tokens:token-list")).content.decode()


def test_a_new_token_expires_after_the_configured_lifetime(client, settings):
    settings.API_TOKEN_LIFETIME_DAYS = 30
    user = UserFactory()
    client.force_login(user)

    client.post(reverse("api-tokens:token-list"), {"name": "Mon tableur", "password": PASSWORD})

    lifetime = user.api_tokens.get().expires_at - timezone.now()
    assert timedelta(days=29) < lifetime <= timedelta(days=30)


@pytest.mark.parametrize("how", ["set_password", "password_change_page"])
def test_a_password_change_revokes_every_token(client, how):
    user = UserFactory()
    tokens = [ApiTokenFactory(user=user), ApiTokenFactory(user=user, name="autre")]
    if how == "set_password":
        user.set_password("un-nouveau-mot-de-passe-9")
        user.save()
    else:
        client.force_login(user)
        response = client.post(
            reverse("accounts:password-change"),
            {
                "old_password": PASSWORD,
                "new_password1": "un-nouveau-mot-de-passe-9",
                "new_password2": "un-nouveau-mot-de-passe-9",
            },
        )
        assert response.status_code == 302
        client.logout()

    for token in tokens:
        token.refresh_from_db()
        assert token.revoked_at is not None
        assert client.get("/api/v1/me", **bearer(token)).status_code == 401


def test_saving_a_person_without_changing_the_password_keeps_the_tokens(client):
    token = ApiTokenFactory()
    token.user.full_name = "Nouveau nom"
    token.user.save()

    assert client.get("/api/v1/me", **bearer(token)).status_code == 200
