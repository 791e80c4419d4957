from collections.abc import Mapping

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from maillage.accounts.mail_limits import address_mail_allowed
from maillage.accounts.models import ConsentPurpose, PrivacyConsent, ProfileView, Role, User
from maillage.accounts.tokens import email_confirmation_token, email_confirmation_user
from maillage.core.mail import mail_send_later


@transaction.atomic
def user_create(
    *, email: str, password: str, full_name: str, role: Role, language: str = "fr"
) -> User | None:
    """Create an account and send the e-mail confirmation link.

    If the address already has an account, nothing is created (None) and its owner gets an
    e-mail instead: the page answers the same either way, so nobody learns who has an account."""
    existing = account_with_address(email)
    if existing is not None:
        User().set_password(password)  # the same hashing cost as a creation: no timing tell
        account_exists_notice_send(
            user=existing, reason=_("Someone tried to create a Maillage account with your address.")
        )
        return None
    try:
        with transaction.atomic():  # a savepoint: the outer transaction stays usable
            user = User.objects.create_user(
                email=email, password=password, full_name=full_name, role=role, language=language
            )
    except IntegrityError:
        # Two sign-ups for the same new address in the same instant: the other one created it,
        # so this one answers as for an existing account (the page says the same either way).
        return None
    email_confirmation_send(user=user)
    return user


def account_with_address(email: str) -> User | None:
    return User.objects.filter(email__iexact=email.strip()).first()


def account_exists_notice_send(*, user: User, reason: str, params: dict | None = None) -> None:
    """Tell the owner of an address that an action for a new account found their account.

    `reason` is a lazy translation, filled with `params`: it is rendered here, in the owner's
    language. At most a few an hour per address: nobody can flood an inbox through it."""
    if not address_mail_allowed(kind="account-exists", email=user.email):
        return
    with translation.override(user.language):
        reset_path = reverse("accounts:password-reset")
        reason_text = str(reason) % (params or {})
    mail_send_later(
        to=user.email,
        template="accounts/email/account_exists",
        context={"full_name": user.full_name, "reason": reason_text, "reset_path": reset_path},
        language=user.language,
    )


def email_confirmation_send(*, user: User) -> None:
    with translation.override(user.language):
        path = reverse("accounts:email-confirm", args=[email_confirmation_token(user)])
    mail_send_later(
        to=user.email,
        template="accounts/email/confirm_email",
        context={"full_name": user.full_name, "confirm_path": path},
        language=user.language,
    )


@transaction.atomic
def email_confirm(*, token: str) -> User | None:
    """Confirm the address the link was sent to; None if the link is not (or no longer) valid.

    The row is locked, so two clicks at once confirm once: the second finds the link used."""
    user = email_confirmation_user(token, for_update=True)
    if user is None:
        return None
    user.email_confirmed_at = timezone.now()
    user.save(update_fields=["email_confirmed_at"])
    return user


@transaction.atomic
def privacy_consent_give(
    *, user: User, purpose: ConsentPurpose = ConsentPurpose.PRIVACY_NOTICE
) -> PrivacyConsent:
    """Record consent to the current version of the privacy notice, with its time."""
    return PrivacyConsent.objects.create(
        user=user, purpose=purpose, notice_version=settings.PRIVACY_NOTICE_VERSION
    )


@transaction.atomic
def privacy_consent_withdraw(*, consent: PrivacyConsent, by: User) -> PrivacyConsent:
    """Withdraw one of `by`'s consents; the record stays, with the time of withdrawal."""
    consent = PrivacyConsent.objects.select_for_update().get(pk=consent.pk, user=by)
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
    return consent


def privacy_consent_is_active(*, user: User, purpose: ConsentPurpose) -> bool:
    return user.consents.filter(purpose=purpose, withdrawn_at__isnull=True).exists()


def profile_view_record(
    *, viewer: User, subject: User, what: str, params: Mapping[str, object] | None = None
) -> None:
    """Audit log of a candidate's record seen by someone else; the candidate's own views are not.

    The log is the candidate's to read: `what` (a translatable text, with `params` for its
    placeholders, which may be translatable too) is written in her language, not the viewer's."""
    if viewer.pk == subject.pk:
        return
    ProfileView.objects.create(
        viewer=viewer, subject=subject, what=_view_text(what, params, subject.language)
    )


def profile_views_record(
    *, viewer: User, subject_ids: list[int], what: str, params: Mapping[str, object] | None = None
) -> None:
    """`profile_view_record` for several people seen at once (a list page of the admin), each
    row in its person's language."""
    languages = (
        User.objects.filter(pk__in=subject_ids).exclude(pk=viewer.pk).values_list("pk", "language")
    )
    ProfileView.objects.bulk_create(
        ProfileView(viewer=viewer, subject_id=pk, what=_view_text(what, params, language))
        for pk, language in languages
    )


def _view_text(what: str, params: Mapping[str, object] | None, language: str) -> str:
    with translation.override(language or settings.LANGUAGE_CODE):
        text = str(what) % {k: str(v) for k, v in params.items()} if params else str(what)
    return text[:200]


@transaction.atomic
def user_language_set(*, user: User, language: str, time_zone: str | None = None) -> User:
    user.language = language
    if time_zone is not None:
        user.time_zone = time_zone
    user.full_clean(exclude=["password"])
    user.save(update_fields=["language", "time_zone"])
    return user
