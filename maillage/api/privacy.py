"""What the api app holds about a person (see maillage.privacy.registry)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q

from maillage.accounts.models import User
from maillage.api.models import ApiToken

SECTION = "api_tokens"


def export(user: User) -> list:
    return [
        {
            "name": token.name,
            "starts_with": token.prefix,
            "created_at": token.created_at.isoformat(),
            "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
            "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None,
            "expires_at": token.expires_at.isoformat(),
        }
        for token in user.api_tokens.order_by("created_at")
    ]


def erase(user: User) -> None:
    user.api_tokens.all().delete()


def purge(*, now: datetime, dry_run: bool) -> dict[str, int]:
    cutoff = now - timedelta(days=settings.RETENTION_DAYS["revoked_api_token"])
    old = ApiToken.objects.filter(Q(revoked_at__lt=cutoff) | Q(expires_at__lt=cutoff))
    count = old.count()
    if not dry_run:
        old.delete()
    return {"revoked_tokens": count}
