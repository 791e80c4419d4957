"""What the accounts app holds about a person (see maillage.privacy.registry)."""

from datetime import datetime, timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.utils import timezone

from maillage.accounts.models import PrivacyConsent, ProfileView, User

SECTION = "account"


def export(user: User) -> dict:
    return {
        "email": user.email,
        "full_name": user.full_name,
        "role": user.role,
        "language": user.language,
        "region": user.region.code if user.region_id else None,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_confirmed_at": user.email_confirmed_at.isoformat()
        if user.email_confirmed_at
        else None,
        "consents": [
            {
                "purpose": consent.purpose,
                "notice_version": consent.notice_version,
                "given_at": consent.given_at.isoformat(),
                "withdrawn_at": consent.withdrawn_at.isoformat() if consent.withdrawn_at else None,
            }
            for consent in user.consents.order_by("given_at")
        ],
        # Who opened the person's record: the role of the viewer, when, and what they saw.
        "record_views": [
            {
                "viewer_role": view.viewer.role if view.viewer else None,
                "viewed_at": view.viewed_at.isoformat(),
                "what": view.what,
            }
            for view in user.profile_views_received.select_related("viewer").order_by("viewed_at")
        ],
    }


def erase(user: User) -> None:
    """Anonymise and close the account; consents stay as proof, withdrawn; login traces go."""
    now = timezone.now()
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username__iexact=user.email).delete()
    PrivacyConsent.objects.filter(user=user, withdrawn_at__isnull=True).update(withdrawn_at=now)
    user.email = f"erased-{user.public_id}@erased.invalid"
    user.full_name = ""
    user.set_unusable_password()  # also ends every session: their hash no longer matches
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    user.email_confirmed_at = None
    user.save()


def purge(*, now: datetime, dry_run: bool) -> dict[str, int]:
    days = settings.RETENTION_DAYS
    views = ProfileView.objects.filter(viewed_at__lt=now - timedelta(days=days["profile_view"]))
    attempts = AccessAttempt.objects.filter(
        attempt_time__lt=now - timedelta(days=days["login_attempt"])
    )
    logs = AccessLog.objects.filter(attempt_time__lt=now - timedelta(days=days["login_attempt"]))
    failures = AccessFailureLog.objects.filter(
        attempt_time__lt=now - timedelta(days=days["login_attempt"])
    )
    # Accounts never confirmed: the person never came back; nothing of theirs is worth keeping.
    unconfirmed = User.objects.filter(
        email_confirmed_at__isnull=True,
        last_login__isnull=True,
        is_active=True,
        date_joined__lt=now - timedelta(days=days["unconfirmed_account"]),
    )
    counts = {
        "record_views": views.count(),
        "login_attempts": attempts.count() + logs.count() + failures.count(),
        "unconfirmed_accounts": unconfirmed.count(),
    }
    if not dry_run:
        views.delete()
        attempts.delete()
        logs.delete()
        failures.delete()
        unconfirmed.delete()
    return counts
