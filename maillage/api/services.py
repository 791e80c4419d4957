"""Creating, using and revoking API tokens."""

import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.api.models import ApiToken

TOKEN_PREFIX = "mlg_"
MAX_ACTIVE_TOKENS = 10
# last_used_at is written at most this often per token: a busy client does not write on each call.
LAST_USED_PRECISION = timedelta(minutes=5)


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


@transaction.atomic
def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`; returns the row and the raw token, which is never stored."""
    name = name.strip()
    if not name:
        raise ValidationError(
            _("Give the token a name, for example the tool that will use it."), code="name"
        )
    User.objects.select_for_update().get(pk=user.pk)  # one creation at a time per person
    if user.api_tokens.active().count() >= MAX_ACTIVE_TOKENS:
        raise ValidationError(
            _("You already have %(count)s active tokens. Revoke one you no longer use first.")
            % {"count": MAX_ACTIVE_TOKENS},
            code="too_many",
        )
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:100], prefix=raw[:12], key_hash=token_hash(raw)
    )
    return token, raw


@transaction.atomic
def api_token_revoke(*, token: ApiToken, by: User) -> ApiToken:
    """Revoke one of `by`'s own tokens (revoking twice changes nothing)."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk, user=by)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_tokens_revoke_all(*, user: User) -> int:
    """Revoke every active token of `user` (their password changed); returns how many."""
    return user.api_tokens.active().update(revoked_at=timezone.now())


def api_token_user(raw: str) -> User | None:
    """The active person behind a raw, unrevoked, unexpired token, or None; notes the use
    (coarsely)."""
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > 100:
        return None
    token = (
        ApiToken.objects.active()
        .select_related("user")
        .filter(key_hash=token_hash(raw), user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or token.last_used_at < now - LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
