"""Menu entries of the site app (collected by maillage/site/navigation.py)."""

from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import Role
from maillage.core.navigation import MenuEntry

ENTRIES = [MenuEntry("site:dashboard", _("My space"), frozenset(Role.values), 10)]
