"""What the eligibility codes of matchcore.eligibility mean, in the person's language."""

from django.utils.translation import gettext_lazy as _

from matchcore.eligibility import EligibilityReason, EligibilityState

STATE_TEXT = {
    EligibilityState.INCOMPLETE: _("To complete"),
    EligibilityState.NOT_ELIGIBLE: _("Not eligible"),
    EligibilityState.PENDING_VERIFICATION: _("Eligible, pending verification"),
    EligibilityState.ELIGIBLE: _("Eligible and verified"),
}

STATE_BADGE = {
    EligibilityState.INCOMPLETE: "badge-neutral",
    EligibilityState.NOT_ELIGIBLE: "badge-danger",
    EligibilityState.PENDING_VERIFICATION: "badge-warning",
    EligibilityState.ELIGIBLE: "badge-success",
}

REASON_TEXT = {
    EligibilityReason.ADMISSION_DATE_MISSING: _("Give the date of your admission to Québec."),
    EligibilityReason.ADMISSION_IN_FUTURE: _("The date of admission is in the future."),
    EligibilityReason.ADMITTED_TOO_LONG_AGO: _(
        "The program serves people admitted to Québec less than five years ago."
    ),
    EligibilityReason.STATUS_MISSING: _("Give your immigration status."),
    EligibilityReason.PERMIT_EXPIRY_MISSING: _("Give the expiry date of your work permit."),
    EligibilityReason.PERMIT_EXPIRED: _("Your work permit has expired."),
    EligibilityReason.STATUS_NEEDS_REVIEW: _(
        "An advisor will check from your documents whether your status allows you to work."
    ),
    EligibilityReason.NOT_VERIFIED: _(
        "An advisor must check your proof documents. Add them below if you have not yet."
    ),
    EligibilityReason.VERIFICATION_REFUSED: _("An advisor could not confirm your eligibility."),
}
