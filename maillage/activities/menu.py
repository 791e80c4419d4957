"""Menu entries of activities (collected by maillage/site/navigation.py)."""

from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import Role
from maillage.core.navigation import ANONYMOUS, MenuEntry

ENTRIES = [
    MenuEntry(
        "activities:activity-list",
        _("Matching activities"),
        frozenset({*Role.values, ANONYMOUS}),
        150,
    ),
]
