"""Menu entries of regions (collected by maillage/site/navigation.py)."""

from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import Role
from maillage.core.navigation import ANONYMOUS, MenuEntry

ENTRIES = [
    MenuEntry("regions:region-list", _("Regions"), frozenset({*Role.values, ANONYMOUS}), 140),
]
