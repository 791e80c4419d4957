"""What the api app holds about a person (see maillage.privacy.registry)."""

from datetime import datetime, timedelta

from django.conf import settings

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
        }
        for token in user.api_tokens.order_by("created_at")
    ]


def erase(user: User) -> None:
    user.api_tokens.all().delete()


def purge(*, now: datetime, dry_run: bool) -> dict[str, int]:
    old = ApiToken.objects.filter(
        revoked_at__lt=now - timedelta(days=settings.RETENTION_DAYS["revoked_api_token"])
    )
    count = old.count()
    if not dry_run:
        old.delete()
    return {"revoked_tokens": count}
