"""docs/operations.md's backup and restore, run for real: deploy/backup.sh dumps the database and
the media files, deploy/restore.sh loads them into an empty database and folder, and every row
and file is found again (PostgreSQL only)."""

import os
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from maillage.accounts.services import privacy_consent_give
from maillage.candidates.models import ProofDocument
from maillage.candidates.tests.factories import CandidateProfileFactory, WorkExperienceFactory
from maillage.employers.tests.factories import JobPostingFactory, PostingSkillFactory
from maillage.matching.models import MatchResult

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump needs PostgreSQL"),
]

DEPLOY = Path(settings.BASE_DIR) / "deploy"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _url(name: str) -> str:
    db = settings.DATABASES["default"]
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgresql://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def _counts(url: str) -> dict[str, int]:
    tables = sorted({model._meta.db_table for model in apps.get_models()})
    with psycopg.connect(url) as conn:
        return {
            table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables
        }


@pytest.fixture
def restored_database():
    name = f"{settings.DATABASES['default']['NAME']}_restored"
    admin = _url("postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield _url(name)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_every_row_and_file(
    reference_data, restored_database, tmp_path, settings
):
    profile = CandidateProfileFactory(user__email="amina@example.org")
    privacy_consent_give(user=profile.user)
    WorkExperienceFactory(candidate=profile)
    document = ProofDocument.objects.create(
        candidate=profile,
        kind="admission",
        file=SimpleUploadedFile("carte.pdf", PDF),
        original_name="carte.pdf",
        content_type="application/pdf",
        size_bytes=len(PDF),
    )
    posting = JobPostingFactory()
    PostingSkillFactory(posting=posting)
    MatchResult.objects.create(
        candidate=profile,
        posting=posting,
        score=77.0,
        stars=4,
        engine_version="rules-1",
        computed_at=timezone.now(),
    )
    original = _counts(_url(settings.DATABASES["default"]["NAME"]))
    backup_dir, restored_media = tmp_path / "backup", tmp_path / "restored-media"
    env = {**os.environ, "MEDIA_ROOT": str(settings.MEDIA_ROOT)}

    subprocess.run(
        [DEPLOY / "backup.sh", backup_dir],
        env={**env, "DATABASE_URL": _url(settings.DATABASES["default"]["NAME"])},
        check=True,
        capture_output=True,
    )
    restore = subprocess.run(
        [DEPLOY / "restore.sh", backup_dir],
        env={**env, "DATABASE_URL": restored_database, "MEDIA_ROOT": str(restored_media)},
        check=True,
        capture_output=True,
        text=True,
    )

    assert _counts(restored_database) == original
    assert original["candidates_proofdocument"] == 1
    assert original["regions_municipality"] > 1000
    assert (restored_media / document.file.name).read_bytes() == PDF
    assert "restored" in restore.stdout
    with psycopg.connect(restored_database) as conn:
        email, score = conn.execute(
            "SELECT u.email, m.score FROM matching_matchresult m JOIN candidates_candidateprofile c ON c.id = m.candidate_id "
            "JOIN accounts_user u ON u.id = c.user_id"
        ).fetchone()
    assert (email, score) == ("amina@example.org", 77.0)


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_is_not_empty(reference_data, tmp_path, settings):
    (tmp_path / "backup").mkdir()
    result = subprocess.run(
        [DEPLOY / "restore.sh", tmp_path / "backup"],
        env={
            **os.environ,
            "DATABASE_URL": _url(settings.DATABASES["default"]["NAME"]),
            "MEDIA_ROOT": str(tmp_path / "m"),
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "refusing to restore: the target database already has" in result.stderr
