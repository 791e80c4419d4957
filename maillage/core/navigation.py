"""A main-menu entry. Each app lists its own in `<app>/menu.py` as `ENTRIES = [MenuEntry(...)]`;
the site app collects them (maillage/site/navigation.py) and sorts them by position."""

from dataclasses import dataclass

from django.utils.functional import Promise

# The role of a visitor who is not logged in, for entries everyone sees.
ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class MenuEntry:
    url_name: str
    label: str | Promise
    roles: frozenset[str]
    position: int
