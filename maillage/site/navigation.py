"""The main menu: each role sees the entries of its work. Apps register their entries in
`<app>/menu.py` (see maillage/core/navigation.py); they are collected here, in position order."""

import functools
from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from maillage.core.navigation import ANONYMOUS, MenuEntry
from maillage.core.registry import app_modules


@functools.cache
def menu_entries() -> list[MenuEntry]:
    entries = [entry for _config, module in app_modules("menu") for entry in module.ENTRIES]
    return sorted(entries, key=lambda entry: entry.position)


@dataclass(frozen=True)
class NavItem:
    url: str
    label: str
    is_current: bool


def nav_items_for(request: HttpRequest) -> list[NavItem]:
    user = getattr(request, "user", None)
    role = user.role if user is not None and user.is_authenticated else ANONYMOUS
    items = []
    for entry in menu_entries():
        if role not in entry.roles:
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        items.append(NavItem(url, str(entry.label), request.path == url))
    return items
