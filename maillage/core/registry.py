"""How apps plug into the program without anyone wiring them by hand: an app that has a module
`<app>/<name>.py` (privacy.py, menu.py, demo.py; beat.py is read by settings, see periodic.py) is
found here among the installed `maillage.*` apps, in the order of INSTALLED_APPS."""

import importlib
from types import ModuleType

from django.apps import AppConfig, apps


def module_if_present(dotted: str) -> ModuleType | None:
    """The module, or None when it does not exist (an error inside it still raises)."""
    try:
        return importlib.import_module(dotted)
    except ModuleNotFoundError as exc:
        if exc.name != dotted:
            raise
        return None


def app_modules(name: str) -> list[tuple[AppConfig, ModuleType]]:
    found = []
    for config in apps.get_app_configs():
        if config.name.startswith("maillage."):
            module = module_if_present(f"{config.name}.{name}")
            if module is not None:
                found.append((config, module))
    return found
