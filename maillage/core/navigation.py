"""The main menu: each role sees the entries of its work. Apps register their entries here."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import Role

ANONYMOUS = "anonymous"

# (url name, label, roles that see it). The first entry matching the current path is marked.
MENU: list[tuple[str, str, frozenset[str]]] = [
    ("core:dashboard", _("My space"), frozenset(Role.values)),
    ("candidates:profile", _("My profile"), frozenset({Role.CANDIDATE})),
    ("matching:my-matches", _("My matches"), frozenset({Role.CANDIDATE})),
    ("employers:company", _("My company"), frozenset({Role.EMPLOYER})),
    ("prequalification:mine", _("My proposals"), frozenset({Role.CANDIDATE})),
    ("employers:posting-list", _("Job postings"), frozenset({Role.EMPLOYER})),
    ("prequalification:shortlist", _("Short lists"), frozenset({Role.EMPLOYER})),
    (
        "interviews:list",
        _("Interviews"),
        frozenset({Role.CANDIDATE, Role.EMPLOYER, Role.ADVISOR, Role.MANAGER}),
    ),
    (
        "prequalification:queue",
        _("Proposals to review"),
        frozenset({Role.ADVISOR, Role.MANAGER}),
    ),
    (
        "candidates:verification-queue",
        _("Candidates to verify"),
        frozenset({Role.ADVISOR, Role.MANAGER}),
    ),
    (
        "employers:verification-queue",
        _("Employers to verify"),
        frozenset({Role.ADVISOR, Role.MANAGER}),
    ),
    ("interviews:follow-up-list", _("Follow-ups"), frozenset({Role.ADVISOR, Role.MANAGER})),
    ("matching:posting-list", _("Matching proposals"), frozenset({Role.ADVISOR, Role.MANAGER})),
    ("regions:region-list", _("Regions"), frozenset({*Role.values, ANONYMOUS})),
    ("activities:activity-list", _("Matching activities"), frozenset({*Role.values, ANONYMOUS})),
    ("privacy:center", _("My privacy"), frozenset({Role.CANDIDATE, Role.EMPLOYER})),
    (
        "analytics:dashboard",
        _("Program figures"),
        frozenset({Role.MANAGER, Role.ADVISOR, Role.PARTNER}),
    ),
    ("fairness:audit", _("Fairness audit"), frozenset({Role.MANAGER})),
]


@dataclass(frozen=True)
class NavItem:
    url: str
    label: str
    is_current: bool


def nav_items_for(request: HttpRequest) -> list[NavItem]:
    user = getattr(request, "user", None)
    role = user.role if user is not None and user.is_authenticated else ANONYMOUS
    items = []
    for name, label, roles in MENU:
        if role not in roles:
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append(NavItem(url, str(label), request.path == url))
    return items
