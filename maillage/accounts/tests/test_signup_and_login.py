import re

import pytest
from django.core import mail
from django.urls import reverse

from maillage.accounts.models import ConsentPurpose, PrivacyConsent, Role, User
from maillage.accounts.tests.factories import PASSWORD, UserFactory
from maillage.candidates.models import CandidateProfile

pytestmark = pytest.mark.django_db

SIGNUP = {
    "full_name": "Amina Diallo",
    "email": "Amina.Diallo@Example.org",
    "password1": "un-mot-de-passe-solide-42",
    "password2": "un-mot-de-passe-solide-42",
    "accepts_privacy_notice": "on",
}


def signup(client, django_capture_on_commit_callbacks, **overrides):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("candidates:signup"), {**SIGNUP, **overrides})


def test_candidate_signup_creates_account_profile_and_consent_and_sends_confirmation(
    client, django_capture_on_commit_callbacks, settings
):
    response = signup(client, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:email-confirmation-sent")
    user = User.objects.get(email="amina.diallo@example.org")
    assert user.role == Role.CANDIDATE
    assert user.language == "fr"
    assert not user.has_confirmed_email
    assert CandidateProfile.objects.filter(user=user).exists()
    consent = PrivacyConsent.objects.get(user=user)
    assert consent.purpose == ConsentPurpose.PRIVACY_NOTICE
    assert consent.notice_version == settings.PRIVACY_NOTICE_VERSION
    assert consent.given_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amina.diallo@example.org"]
    assert "Amina Diallo" in message.body
    assert re.search(r"/accounts/confirm/[\w:.-]+/", message.body)


def test_signup_in_english_sends_the_email_in_english(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/candidates/signup/", SIGNUP)
    user = User.objects.get(email="amina.diallo@example.org")
    assert user.language == "en"
    assert mail.outbox[0].subject == "Confirm your e-mail address for Maillage"
    assert "/en/accounts/confirm/" in mail.outbox[0].body


def test_email_confirmation_needs_a_post_then_logs_in(client, django_capture_on_commit_callbacks):
    signup(client, django_capture_on_commit_callbacks)
    path = re.search(r"(/accounts/confirm/[\w:.-]+/)", mail.outbox[0].body).group(1)

    page = client.get(path)
    assert page.status_code == 200
    assert not User.objects.get(email="amina.diallo@example.org").has_confirmed_email

    response = client.post(path)
    assert response.status_code == 302
    assert User.objects.get(email="amina.diallo@example.org").has_confirmed_email
    assert client.get(reverse("candidates:profile")).status_code == 200


def _confirmation_path() -> str:
    return re.search(r"(/accounts/confirm/[\w:.-]+/)", mail.outbox[-1].body).group(1)


def test_confirmation_link_works_once(client, django_capture_on_commit_callbacks):
    signup(client, django_capture_on_commit_callbacks)
    path = _confirmation_path()
    assert client.post(path).status_code == 302
    client.logout()

    for method in (client.get, client.post):
        response = method(path)
        assert response.status_code == 400
        assert "déjà utilisé" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_confirmation_link_never_logs_in_after_a_password_change(
    client, django_capture_on_commit_callbacks
):
    signup(client, django_capture_on_commit_callbacks)
    path = _confirmation_path()
    user = User.objects.get(email="amina.diallo@example.org")
    user.set_password("un-autre-mot-de-passe-77")
    user.save()

    assert client.post(path).status_code == 400
    assert "_auth_user_id" not in client.session
    assert not User.objects.get(pk=user.pk).has_confirmed_email


def test_confirmation_link_does_not_skip_the_lockout(client, django_capture_on_commit_callbacks):
    signup(client, django_capture_on_commit_callbacks)
    path = _confirmation_path()
    for _ in range(5):
        client.post(
            reverse("accounts:login"),
            {"username": "Amina.Diallo@example.org", "password": "devine-peut-etre-1"},
        )

    response = client.post(path)

    # The address is confirmed, but the locked account is not opened: the password is needed.
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    assert User.objects.get(email="amina.diallo@example.org").has_confirmed_email
    assert "_auth_user_id" not in client.session


def test_forged_confirmation_link_is_refused(client):
    response = client.get("/accounts/confirm/not-a-token/")
    assert response.status_code == 400


def test_login_before_confirmation_explains_what_to_do(client, django_capture_on_commit_callbacks):
    signup(client, django_capture_on_commit_callbacks)
    response = client.post(
        reverse("accounts:login"),
        {"username": "amina.diallo@example.org", "password": SIGNUP["password1"]},
    )
    assert response.status_code == 200
    assert (
        "Confirm your e-mail address first" in response.content.decode()
        or "Confirmez" in response.content.decode()
    )
    assert "_auth_user_id" not in client.session


def test_signup_with_an_address_that_has_an_account_answers_the_same_and_warns_its_owner(
    client, django_capture_on_commit_callbacks
):
    owner = UserFactory(email="amina.diallo@example.org", full_name="Amina D.", language="en")
    password_hash = owner.password

    response = signup(client, django_capture_on_commit_callbacks)

    # The same page as for a new address: nobody learns that this address has an account.
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:email-confirmation-sent")
    assert User.objects.count() == 1
    assert User.objects.get().password == password_hash
    assert not CandidateProfile.objects.exists()
    # The owner, and only the owner, is told, in their language, with a way back in.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amina.diallo@example.org"]
    assert message.subject == "You already have a Maillage account"
    assert "Someone tried to create a Maillage account with your address." in message.body
    assert "/en/accounts/password/reset/" in message.body
    assert "/accounts/confirm/" not in message.body


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"password2": "autre-chose-encore-42"}, "password2"),
        ({"password1": "12345678901", "password2": "12345678901"}, "password1"),
        ({"accepts_privacy_notice": ""}, "accepts_privacy_notice"),
        ({"email": "pas-un-courriel"}, "email"),
    ],
)
def test_invalid_signup_changes_nothing(
    client, django_capture_on_commit_callbacks, overrides, field
):
    response = signup(client, django_capture_on_commit_callbacks, **overrides)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not User.objects.exists()
    assert not PrivacyConsent.objects.exists()


def test_login_with_confirmed_account_goes_to_the_role_home(client):
    user = UserFactory(role=Role.CANDIDATE)
    CandidateProfile.objects.create(user=user)
    response = client.post(
        reverse("accounts:login"),
        {"username": user.email.upper(), "password": PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("candidates:profile")


def test_wrong_password_shows_a_clear_message(client):
    user = UserFactory()
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": "mauvais"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["__all__"]


def test_resend_confirmation_answers_the_same_for_unknown_addresses(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:email-confirmation-resend"), {"email": "personne@example.org"}
        )
    assert response["Location"] == reverse("accounts:email-confirmation-sent")
    assert mail.outbox == []


def test_plain_text_email_keeps_apostrophes(client, django_capture_on_commit_callbacks):
    signup(client, django_capture_on_commit_callbacks, full_name="Zoé D'Amours")
    assert "Zoé D'Amours" in mail.outbox[0].body
    assert "&#x27;" not in mail.outbox[0].body


def test_two_signups_for_one_new_address_at_once_create_one_account_and_no_error(
    client, django_capture_on_commit_callbacks, monkeypatch
):
    """The second request made every check before the first one's account was committed."""
    from maillage.accounts import services

    first = signup(client, django_capture_on_commit_callbacks)
    assert first.status_code == 302
    monkeypatch.setattr(services, "account_with_address", lambda email: None)
    monkeypatch.setattr(User, "validate_unique", lambda self, exclude=None: None)
    monkeypatch.setattr(User, "validate_constraints", lambda self, exclude=None: None)

    second = signup(client, django_capture_on_commit_callbacks)

    assert second.status_code == 302
    assert second["Location"] == reverse("accounts:email-confirmation-sent")
    assert User.objects.count() == 1
    assert CandidateProfile.objects.count() == 1
