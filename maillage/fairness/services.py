from django.db import transaction

from maillage.accounts.models import ConsentPurpose
from maillage.accounts.services import (
    privacy_consent_give,
    privacy_consent_is_active,
    privacy_consent_withdraw,
)
from maillage.candidates.models import CandidateProfile
from maillage.fairness.models import ATTRIBUTES, AuditDeclaration


@transaction.atomic
def declaration_save(*, candidate: CandidateProfile, values: dict[str, str]) -> AuditDeclaration:
    """Record the answers and the consent to use them for the audit (given once, kept with time)."""
    user = candidate.user
    if not privacy_consent_is_active(user=user, purpose=ConsentPurpose.FAIRNESS_AUDIT):
        privacy_consent_give(user=user, purpose=ConsentPurpose.FAIRNESS_AUDIT)
    declaration, _created = AuditDeclaration.objects.select_for_update().get_or_create(
        candidate=candidate
    )
    for name in ATTRIBUTES:
        setattr(declaration, name, values.get(name, "") or "")
    declaration.full_clean()
    declaration.save()
    return declaration


@transaction.atomic
def declaration_delete(*, candidate: CandidateProfile) -> None:
    """Delete the answers and withdraw the consent (the consent record stays, withdrawn)."""
    AuditDeclaration.objects.filter(candidate=candidate).delete()
    for consent in candidate.user.consents.filter(
        purpose=ConsentPurpose.FAIRNESS_AUDIT, withdrawn_at__isnull=True
    ):
        privacy_consent_withdraw(consent=consent, by=candidate.user)
