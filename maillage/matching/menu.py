"""Menu entries of matching (collected by maillage/site/navigation.py)."""

from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import Role
from maillage.core.navigation import MenuEntry

ENTRIES = [
    MenuEntry("matching:my-matches", _("My matches"), frozenset({Role.CANDIDATE}), 30),
]
