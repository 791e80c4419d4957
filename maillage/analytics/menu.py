"""Menu entries of analytics (collected by maillage/site/navigation.py)."""

from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import Role
from maillage.core.navigation import MenuEntry

ENTRIES = [
    MenuEntry(
        "analytics:dashboard",
        _("Program figures"),
        frozenset({Role.MANAGER, Role.ADVISOR, Role.PARTNER}),
        170,
    ),
]
