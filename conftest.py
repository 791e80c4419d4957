"""Test set-up shared by every app: fast hashing, private media in a temp folder, reference data.

Reference data (regions, municipalities, NOC 2021…) is loaded once into the test database.
Transactional tests (the browser tests) flush the database after each test; the flush spares the
reference tables while they hold exactly what was loaded (reloading them cost ~12 s of CPU per
browser test), and they ask for `reference_data`, which reloads it when it is missing.
"""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.commands import flush
from django.utils import translation

REFERENCE_MODELS = (
    "core.ReferenceDataset",
    "regions.Region",
    "regions.Municipality",
    "taxonomy.NocGroup",
    "taxonomy.NocExampleTitle",
    "taxonomy.EscoOccupation",
    "taxonomy.EscoSkill",
    "taxonomy.EscoOccupationSkill",
    "taxonomy.NocEscoLink",
    "taxonomy.RegulatedOccupation",
)


def _reference_counts() -> dict[str, int]:
    from django.apps import apps

    return {label: apps.get_model(label).objects.count() for label in REFERENCE_MODELS}


def _flush_sparing_reference_data(loaded: dict[str, int]):
    """Django's flush SQL without the reference tables, unless a test added or removed rows in
    them (then everything goes, and the next `reference_data` reloads it)."""
    from django.apps import apps

    everything = flush.sql_flush

    def sql_flush(style, connection, reset_sequences=True, allow_cascade=False):
        if _reference_counts() != loaded:
            return everything(style, connection, reset_sequences, allow_cascade)
        spared = {apps.get_model(label)._meta.db_table for label in REFERENCE_MODELS}
        tables = [
            table
            for table in connection.introspection.django_table_names(
                only_existing=True, include_views=False
            )
            if table not in spared
        ]
        return connection.ops.sql_flush(
            style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )

    return sql_flush


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.FILE_UPLOAD_TEMP_DIR = tmp_path / "upload-tmp"
    settings.FILE_UPLOAD_TEMP_DIR.mkdir()
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.AXES_ENABLED = True


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_reference_data", verbosity=0)
        loaded = _reference_counts()
    patch = pytest.MonkeyPatch()
    patch.setattr(flush, "sql_flush", _flush_sparing_reference_data(loaded))
    yield
    patch.undo()


@pytest.fixture
def reference_data(db):
    """Make sure reference data is present (it is, except after a transactional test's flush)."""
    call_command("load_reference_data", verbosity=0)


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request to /en/… (or an API call in English) leaves English active in the thread: put
    French back so the next test starts as a fresh request would."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
