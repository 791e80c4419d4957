"""Menu entries of privacy (collected by maillage/site/navigation.py)."""

from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import Role
from maillage.core.navigation import MenuEntry

ENTRIES = [
    MenuEntry("privacy:center", _("My privacy"), frozenset({Role.CANDIDATE, Role.EMPLOYER}), 160),
]
