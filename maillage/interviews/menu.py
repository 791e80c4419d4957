"""Menu entries of interviews (collected by maillage/site/navigation.py)."""

from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import Role
from maillage.core.navigation import MenuEntry

ENTRIES = [
    MenuEntry(
        "interviews:list",
        _("Interviews"),
        frozenset({Role.CANDIDATE, Role.EMPLOYER, Role.ADVISOR, Role.MANAGER}),
        80,
    ),
    MenuEntry(
        "interviews:follow-up-list", _("Follow-ups"), frozenset({Role.ADVISOR, Role.MANAGER}), 120
    ),
]
