"""Files in storage that no record points to: a request killed (or a transaction rolled back)
after the upload was written but before its record was committed leaves one. A web process killed
while it reads a large upload leaves the upload's spool file in FILE_UPLOAD_TEMP_DIR. The sweep
removes both kinds once older than an hour (a younger one may belong to a request or a
transaction still running)."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.apps import apps
from django.conf import settings
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


def _spooled_uploads_remove(now: datetime) -> list[str]:
    """Spool files of uploads whose request died (a finished request deletes its own)."""
    folder = Path(settings.FILE_UPLOAD_TEMP_DIR)
    removed = []
    for path in sorted(folder.glob("*.upload*")) if folder.is_dir() else []:
        modified = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
        if now - modified >= KEEP_YOUNGER_THAN:
            path.unlink(missing_ok=True)
            removed.append(str(path))
    return removed


def orphan_files_remove(*, now: datetime | None = None) -> list[str]:
    """Delete the stored files no record points to and the spool files of dead uploads, older
    than KEEP_YOUNGER_THAN; returns them (storage names, then spool file paths)."""
    now = now or timezone.now()
    spooled = _spooled_uploads_remove(now)
    try:
        stored = _stored_names()
    except FileNotFoundError:  # nothing was ever uploaded
        return spooled
    referenced = _referenced_names()
    removed = []
    for name in stored:
        if name in referenced or now - default_storage.get_modified_time(name) < KEEP_YOUNGER_THAN:
            continue
        default_storage.delete(name)
        removed.append(name)
    return removed + spooled
