"""How apps plug into the program without anyone wiring them by hand: an app that has a module
`<app>/<name>.py` (privacy.py, menu.py, demo.py; beat.py is read by settings, see periodic.py) is
found here among the installed `maillage.*` apps, in the order of INSTALLED_APPS."""

import importlib
from types import ModuleType

from django.apps import AppConfig, apps


def app_modules(name: str) -> list[tuple[AppConfig, ModuleType]]:
    found = []
    for config in apps.get_app_configs():
        if not config.name.startswith("maillage."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.{name}":
                raise
            continue
        found.append((config, module))
    return found
