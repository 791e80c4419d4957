"""One verification flow for candidates and companies: the team verifies or refuses (a refusal
says why), a change of identity or eligibility sends a verified record back to the queue. The
owning app adds its own consequences (the e-mail, a rematch) around these steps."""

from django.contrib import messages
from django.db.models import Model
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.core.choices import VerificationStatus

VERIFICATION_FIELDS = ["verification_status", "verification_note", "verified_by", "verified_at"]


def verification_record(*, subject: Model, by, status: VerificationStatus, note: str) -> Model:
    """Record the decision on a locked copy of the subject; call inside a transaction."""
    if status == VerificationStatus.REFUSED and not note.strip():
        raise ValueError("A refusal needs a reason the person can read")
    subject = type(subject).objects.select_for_update().get(pk=subject.pk)
    subject.verification_status = status
    subject.verification_note = note.strip()
    subject.verified_by = by
    subject.verified_at = timezone.now()
    subject.save(update_fields=VERIFICATION_FIELDS)
    return subject


def verification_reopen(subject: Model) -> None:
    """A verified record whose verified facts changed waits for a new verification (unsaved)."""
    if subject.verification_status == VerificationStatus.VERIFIED:
        subject.verification_status = VerificationStatus.PENDING
        subject.verified_at = None


def verification_decision_read(
    request: HttpRequest, form, *, refusal_needs_reason: str
) -> tuple[VerificationStatus, str] | None:
    """The decision posted on a review page, or None (with the error shown) when it is unusable."""
    decision = request.POST.get("decision")
    if not form.is_valid() or decision not in {"verify", "refuse"}:
        messages.error(request, _("The decision could not be recorded. Try again."))
        return None
    note = form.cleaned_data["note"]
    if decision == "refuse" and not note.strip():
        messages.error(request, refusal_needs_reason)
        return None
    status = VerificationStatus.VERIFIED if decision == "verify" else VerificationStatus.REFUSED
    return status, note
