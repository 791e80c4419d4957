"""Files in storage that no record points to: a request killed (or a transaction rolled back)
after the upload was written but before its record was committed leaves one. The sweep
removes those older than an hour (a younger one may belong to a transaction still running)."""

from datetime import datetime, timedelta

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone

KEEP_YOUNGER_THAN = timedelta(hours=1)


def _referenced_names() -> set[str]:
    names: set[str] = set()
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                names |= set(
                    model._default_manager.exclude(**{field.name: ""})
                    .exclude(**{f"{field.name}__isnull": True})
                    .values_list(field.name, flat=True)
                )
    return names


def _stored_names(directory: str = "") -> list[str]:
    folders, files = default_storage.listdir(directory)
    found = [f"{directory}/{name}" if directory else name for name in files]
    for folder in folders:
        found += _stored_names(f"{directory}/{folder}" if directory else folder)
    return found


def orphan_files_remove(*, now: datetime | None = None) -> list[str]:
    """Delete the stored files no record points to, older than KEEP_YOUNGER_THAN; returns them."""
    now = now or timezone.now()
    try:
        stored = _stored_names()
    except FileNotFoundError:  # nothing was ever uploaded
        return []
    referenced = _referenced_names()
    removed = []
    for name in stored:
        if name in referenced or now - default_storage.get_modified_time(name) < KEEP_YOUNGER_THAN:
            continue
        default_storage.delete(name)
        removed.append(name)
    return removed
