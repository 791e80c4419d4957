"""Menu entries of the fairness audit (collected by maillage/site/navigation.py)."""

from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import Role
from maillage.core.navigation import MenuEntry

ENTRIES = [MenuEntry("fairness:audit", _("Fairness audit"), frozenset({Role.MANAGER}), 180)]
