from django import template

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


@register.filter
def star_text(stars: int | None) -> str:
    """★★★★☆ for 4 stars out of 5 (the number itself is given to screen readers apart)."""
    count = max(0, min(5, int(stars or 0)))
    return "★" * count + "☆" * (5 - count)


@register.filter
def proposal_badge(status: str) -> str:
    return STATUS_BADGES.get(status, "badge-neutral")
