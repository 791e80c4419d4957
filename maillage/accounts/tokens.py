"""Signed, expiring links for e-mail confirmation: nothing to store, nothing to guess."""

from django.core import signing

from maillage.accounts.models import User

SALT = "maillage.accounts.email-confirmation"
MAX_AGE_SECONDS = 3 * 24 * 3600


def email_confirmation_token(user: User) -> str:
    return signing.dumps({"user": str(user.public_id), "email": user.email}, salt=SALT)


def email_confirmation_user(token: str) -> User | None:
    """The user the token was made for, or None if it is forged, expired or for an old address."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    return User.objects.filter(public_id=payload["user"], email=payload["email"]).first()
