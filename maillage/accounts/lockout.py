"""Limits on guessing passwords, in one place.

Every password check of the site goes through django-axes: the login form by Django's
`authenticate`, and every form that asks for the password again (password change, account
deletion, API token creation) through `password_is_right` below, which also calls `authenticate`.
Failures are counted per account and address (AXES_FAILURE_LIMIT) and per address over every
account (AXES_IP_FAILURE_LIMIT, against one password sprayed over many accounts). The account is
named by its normalised address, so `Amina@…` and `amina@…` share one count.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import authenticate
from django.db.models import Sum
from django.http import HttpRequest

from maillage.accounts.models import User


def username_normalised(username: str | None) -> str | None:
    """The form of an address that accounts are stored under (see `UserManager.create_user`)."""
    return username.strip().lower() if username else username


def axes_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """AXES_USERNAME_CALLABLE: the login name axes counts failures under, case folded."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        return username_normalised(credentials.get(field))
    return username_normalised(getattr(request, "POST", {}).get(field))


class LockoutHandler(AxesDatabaseHandler):
    """Axes' database handler plus a limit per address over all accounts."""

    def ip_failures(self, request: HttpRequest) -> int:
        attempts = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address,
            attempt_time__gte=get_cool_off_threshold(request),
        )
        return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0

    def is_ip_locked(self, request: HttpRequest) -> bool:
        locked = self.ip_failures(request) >= settings.AXES_IP_FAILURE_LIMIT
        if locked:
            request.maillage_ip_locked = True  # the lockout page names the right cause
        return locked

    def is_locked(self, request: HttpRequest, credentials: dict | None = None) -> bool:
        return super().is_locked(request, credentials) or self.is_ip_locked(request)

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs) -> None:
        super().user_login_failed(sender, credentials, request, **kwargs)
        if (
            request is not None
            and not getattr(request, "axes_locked_out", False)
            and self.is_ip_locked(request)
        ):
            request.axes_locked_out = True
            request.axes_credentials = credentials


def password_is_right(request: HttpRequest, user: User, password: str) -> bool:
    """Check `user`'s password again, counted by the same limits as the login.

    A failure counts towards the lockout; once locked, the answer is False even for the right
    password and the axes middleware turns the response into the lockout page (HTTP 429)."""
    return authenticate(request, username=user.email, password=password) == user
