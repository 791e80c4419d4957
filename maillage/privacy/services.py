"""Law 25: a person's data exported as JSON, an account erased, data past its retention removed."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from maillage.accounts.models import Role, User
from maillage.core.progress import progress
from maillage.privacy.models import Erasure
from maillage.privacy.registry import privacy_modules

EXPORT_FORMAT_VERSION = 1


def personal_data_export(*, user: User) -> dict:
    """Everything the platform holds about `user`, one section per app."""
    sections = {}
    for entry in privacy_modules():
        data = entry.module.export(user)
        if data not in (None, {}, []):
            sections[entry.section] = data
    return {
        "format_version": EXPORT_FORMAT_VERSION,
        "generated_at": timezone.now().isoformat(),
        "privacy_notice_version": settings.PRIVACY_NOTICE_VERSION,
        "person": str(user.public_id),
        "sections": sections,
    }


@transaction.atomic
def account_erase(*, user: User, reason: Erasure.Reason = Erasure.Reason.REQUEST) -> Erasure:
    """Erase or anonymise every app's personal data about `user`, accounts last. The account row
    stays, anonymised and closed, so that the program's figures keep their counts."""
    user = User.objects.select_for_update().get(pk=user.pk)
    existing = Erasure.objects.filter(user=user).first()
    if existing is not None:
        return existing
    role = user.role
    for entry in reversed(privacy_modules()):
        entry.module.erase(user)
    return Erasure.objects.create(user=user, role=role, reason=reason)


def inactive_accounts(*, now: datetime):
    """Candidates' and employers' accounts unused for RETENTION_DAYS["inactive_account"] days."""
    cutoff = now - timedelta(days=settings.RETENTION_DAYS["inactive_account"])
    return (
        User.objects.filter(role__in=[Role.CANDIDATE, Role.EMPLOYER], erasure__isnull=True)
        .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
        .order_by("pk")
    )


def retention_purge(*, now: datetime, dry_run: bool = False) -> dict[str, int]:
    """Remove what is past its retention period (settings.RETENTION_DAYS); counts per kind."""
    inactive = inactive_accounts(now=now)
    counts: dict[str, int] = {"privacy.inactive_accounts_erased": inactive.count()}
    if not dry_run:
        for user in progress(
            inactive.iterator(),
            description="Inactive accounts",
            total=counts["privacy.inactive_accounts_erased"],
        ):
            account_erase(user=user, reason=Erasure.Reason.RETENTION)
    for entry in privacy_modules():
        if entry.can_purge:
            with transaction.atomic():
                for kind, count in entry.module.purge(now=now, dry_run=dry_run).items():
                    counts[f"{entry.section}.{kind}"] = count
    return counts
