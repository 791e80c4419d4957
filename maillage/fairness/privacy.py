"""The self-declaration for the fairness audit (see maillage.privacy.registry)."""

from datetime import datetime

from maillage.accounts.models import ConsentPurpose, User
from maillage.fairness.models import ATTRIBUTES, AuditDeclaration

SECTION = "fairness_audit"


def export(user: User) -> dict | None:
    declaration = AuditDeclaration.objects.filter(candidate__user=user).first()
    if declaration is None:
        return None
    return {name: getattr(declaration, name) for name in ATTRIBUTES} | {
        "declared_at": declaration.declared_at.isoformat()
    }


def erase(user: User) -> None:
    AuditDeclaration.objects.filter(candidate__user=user).delete()


def purge(*, now: datetime, dry_run: bool) -> dict[str, int]:
    """Answers whose consent was withdrawn (the audit already ignores them) are deleted."""
    orphaned = AuditDeclaration.objects.exclude(
        candidate__user__consents__purpose=ConsentPurpose.FAIRNESS_AUDIT,
        candidate__user__consents__withdrawn_at__isnull=True,
    )
    count = orphaned.count()
    if not dry_run:
        orphaned.delete()
    return {"declarations_without_consent": count}
