"""What kind of requirement a line of a posting is.

A licence, a card or a certification is something a person legally needs to do the job, so it is
a must-have by default (the employer can still list it as an asset)."""

import re

_CREDENTIAL = re.compile(
    r"\b(permis|licen[cs]es?|cartes?|cards?|certifica\w*|certified|attestations?|brevets?|"
    r"accr[ée]ditations?|accreditations?|asp|ccq|rcr|cpr|simdut|whmis)\b",
    re.IGNORECASE,
)


def is_credential(label: str) -> bool:
    """True for a licence, a card or a certification (« permis classe 1 », « carte ASP »)."""
    return bool(_CREDENTIAL.search(label))


def requirements_sorted(
    must_haves: list[str], required: list[str], nice: list[str]
) -> tuple[list[str], list[str], list[str]]:
    """(must-haves, required skills, assets) without repeats (case-insensitive, first kept),
    the licences, cards and certifications among the required skills moved to the must-haves."""
    must = _unique([*must_haves, *(label for label in required if is_credential(label))])
    taken = {label.lower() for label in must}
    required = [label for label in _unique(required) if label.lower() not in taken]
    taken |= {label.lower() for label in required}
    return must, required, [label for label in _unique(nice) if label.lower() not in taken]


def _unique(labels: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for label in labels:
        seen.setdefault(label.lower(), label)
    return list(seen.values())
