"""Signed, expiring, single-use links for e-mail confirmation: nothing to store, nothing to guess.

The token carries a fingerprint of the account's state (password hash, confirmation time, address,
active flag): confirming the address, changing the password or the address, or closing the
account changes the state, and every link made before stops working."""

from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

from maillage.accounts.models import User

SALT = "maillage.accounts.email-confirmation"
MAX_AGE_SECONDS = 3 * 24 * 3600


def _state(user: User) -> str:
    confirmed = user.email_confirmed_at.isoformat() if user.email_confirmed_at else ""
    value = f"{user.pk}|{user.password}|{confirmed}|{user.email}|{user.is_active}"
    return salted_hmac(SALT, value, algorithm="sha256").hexdigest()[:32]


def email_confirmation_token(user: User) -> str:
    return signing.dumps(
        {"user": str(user.public_id), "email": user.email, "state": _state(user)}, salt=SALT
    )


def email_confirmation_user(token: str, *, for_update: bool = False) -> User | None:
    """The user the token was made for, or None if it is forged, expired, already used, or made
    before a change of password or address."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    users = User.objects.select_for_update() if for_update else User.objects
    user = users.filter(
        public_id=payload.get("user"), email=payload.get("email"), is_active=True
    ).first()
    if user is None or not constant_time_compare(payload.get("state", ""), _state(user)):
        return None
    return user
