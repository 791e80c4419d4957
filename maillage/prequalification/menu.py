"""Menu entries of prequalification (collected by maillage/site/navigation.py)."""

from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import Role
from maillage.core.navigation import MenuEntry

ENTRIES = [
    MenuEntry("prequalification:mine", _("My proposals"), frozenset({Role.CANDIDATE}), 50),
    MenuEntry("prequalification:shortlist", _("Short lists"), frozenset({Role.EMPLOYER}), 70),
    MenuEntry(
        "prequalification:queue",
        _("Proposals to review"),
        frozenset({Role.ADVISOR, Role.MANAGER}),
        90,
    ),
    MenuEntry(
        "prequalification:program-settings", _("Program settings"), frozenset({Role.MANAGER}), 190
    ),
    MenuEntry(
        "prequalification:posting-list",
        _("Candidates by posting"),
        frozenset({Role.ADVISOR, Role.MANAGER}),
        130,
    ),
]
