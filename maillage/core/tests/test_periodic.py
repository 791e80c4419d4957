import re
from pathlib import Path

import pytest
from django.conf import settings

from config.celery import app
from maillage.core.periodic import beat_schedule_collect

OPERATIONS = Path(settings.BASE_DIR) / "docs" / "operations.md"


def promised_tasks() -> set[str]:
    section = OPERATIONS.read_text().split("## Periodic jobs", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"`(maillage\.[\w.]+\.tasks\.\w+)`", section))


def test_every_periodic_job_the_docs_promise_is_in_the_running_beat_schedule():
    promised = promised_tasks()
    assert "maillage.privacy.tasks.privacy_retention_run" in promised
    assert "maillage.employers.tasks.expire_postings" in promised
    running = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert promised <= running
    assert running <= promised, "a scheduled job is missing from docs/operations.md"


def test_every_scheduled_task_exists():
    app.loader.import_default_modules()
    for entry in app.conf.beat_schedule.values():
        assert entry["task"] in app.tasks


def test_two_apps_cannot_take_the_same_job_name():
    with pytest.raises(ValueError, match="privacy-retention"):
        beat_schedule_collect(["maillage.privacy", "maillage.privacy"])
