"""Menu entries of the site app (collected by maillage/site/navigation.py)."""

from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import Role
from maillage.core.navigation import MenuEntry

# The program team's home. A candidate's home is « Mon profil », an employer's « Mon entreprise »:
# a « Mon espace » entry next to them led to the same page under a second name.
ENTRIES = [
    MenuEntry(
        "site:dashboard", _("My space"), frozenset({Role.ADVISOR, Role.MANAGER, Role.PARTNER}), 10
    )
]
