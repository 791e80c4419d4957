"""Periodic work: each app lists its beat entries in `<app>/beat.py` as `SCHEDULE = {name: entry}`.

Settings collect them from INSTALLED_APPS into CELERY_BEAT_SCHEDULE, so an app's periodic job
cannot be lost by one app's entries replacing another's (as a second assignment in settings once
did). `beat.py` holds plain dicts only: it is imported while the settings load.
"""

from maillage.core.registry import module_if_present


def beat_schedule_collect(app_names: list[str]) -> dict[str, dict]:
    schedule: dict[str, dict] = {}
    for app_name in app_names:
        module = module_if_present(f"{app_name}.beat") if app_name.startswith("maillage.") else None
        for name, entry in getattr(module, "SCHEDULE", {}).items():
            if name in schedule:
                raise ValueError(f"Two apps schedule a periodic job named {name!r}")
            schedule[name] = entry
    return schedule
