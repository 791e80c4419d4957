"""Test set-up shared by every app: fast hashing, private media in a temp folder, reference data.

Reference data (regions, municipalities, NOC 2021…) is loaded once into the test database.
Transactional tests (the browser tests) flush the database, so they ask for `reference_data`,
which reloads it when it is missing.
"""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation


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
