from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

STATUS_BADGES = {
    "proposed": "badge-info",
    "consent_requested": "badge-warning",
    "accepted": "badge-info",
    "shortlisted": "badge-success",
    "invited": "badge-success",
    "rejected": "badge-neutral",
    "declined": "badge-neutral",
    "expired": "badge-neutral",
    "withdrawn": "badge-neutral",
    "employer_declined": "badge-neutral",
}


# The status as the candidate reads it about herself (ProposalStatus labels speak of her in the
# third person, for the team and the employer).
CANDIDATE_STATUS_TEXT = {
    "proposed": _("An advisor is reviewing this proposal"),
    "rejected": _("Not retained for this job"),
    "consent_requested": _("Waiting for your answer"),
    "declined": _("You declined"),
    "expired": _("Expired: you did not answer in time"),
    "accepted": _("You accepted; waiting for room on the short list"),
    "shortlisted": _("Your profile is on the employer's short list"),
    "withdrawn": _("You withdrew your consent"),
    "invited": _("You are invited to an interview"),
    "employer_declined": _("The employer did not retain your application"),
}


@register.simple_tag
def proposal_status_text(proposal, audience: str = "team") -> str:
    if audience == "candidate":
        return str(CANDIDATE_STATUS_TEXT.get(proposal.status, proposal.get_status_display()))
    return proposal.get_status_display()


@register.filter
def star_text(stars: int | None) -> str:
    """★★★★☆ for 4 stars out of 5 (the number itself is given to screen readers apart)."""
    count = max(0, min(5, int(stars or 0)))
    return "★" * count + "☆" * (5 - count)


@register.filter
def proposal_badge(status: str) -> str:
    return STATUS_BADGES.get(status, "badge-neutral")
