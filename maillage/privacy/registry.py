"""Each app says what personal data it holds through one module, `<app>/privacy.py`:

    SECTION = "candidates"                      # key of its part in the export
    def export(user) -> dict | list | None      # everything it holds about the person, as JSON
    def erase(user) -> None                      # erase or anonymise it (figures keep counts)
    def purge(*, now, dry_run) -> dict[str, int] # optional: remove what is past its retention

The privacy app finds these modules among the installed `maillage.*` apps, so an app that lands
later plugs in by adding its module; a test fails for an app whose models point to a person
without one. Erasure runs the apps in reverse order of INSTALLED_APPS (accounts last)."""

from dataclasses import dataclass
from types import ModuleType

from maillage.core.registry import app_modules


@dataclass(frozen=True)
class PrivacyModule:
    app_label: str
    section: str
    module: ModuleType

    @property
    def can_purge(self) -> bool:
        return hasattr(self.module, "purge")


def privacy_modules() -> list[PrivacyModule]:
    return [
        PrivacyModule(config.label, getattr(module, "SECTION", config.label), module)
        for config, module in app_modules("privacy")
    ]
