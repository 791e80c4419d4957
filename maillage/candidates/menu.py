"""Menu entries of candidates (collected by maillage/site/navigation.py)."""

from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import Role
from maillage.core.navigation import MenuEntry

ENTRIES = [
    MenuEntry("candidates:profile", _("My profile"), frozenset({Role.CANDIDATE}), 20),
    MenuEntry(
        "candidates:verification-queue",
        _("Candidates to verify"),
        frozenset({Role.ADVISOR, Role.MANAGER}),
        100,
    ),
]
