"""Menu entries of employers (collected by maillage/site/navigation.py)."""

from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import Role
from maillage.core.navigation import MenuEntry

ENTRIES = [
    MenuEntry("employers:company", _("My company"), frozenset({Role.EMPLOYER}), 40),
    MenuEntry("employers:posting-list", _("Job postings"), frozenset({Role.EMPLOYER}), 60),
    MenuEntry(
        "employers:verification-queue",
        _("Employers to verify"),
        frozenset({Role.ADVISOR, Role.MANAGER}),
        110,
    ),
]
