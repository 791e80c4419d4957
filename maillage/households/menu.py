"""Menu entries of households (collected by maillage/site/navigation.py)."""

from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import Role
from maillage.core.navigation import MenuEntry

ENTRIES = [
    MenuEntry("households:mine", _("Our household"), frozenset({Role.CANDIDATE}), 85),
]
