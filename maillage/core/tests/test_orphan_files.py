"""A file written by a request that died before its record was committed is swept away."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from maillage.candidates.models import ProofDocument
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.core.orphan_files import orphan_files_remove

pytestmark = pytest.mark.django_db


def test_only_old_files_no_record_points_to_are_removed():
    proof = ProofDocument.objects.create(
        candidate=CandidateProfileFactory(),
        kind=ProofDocument.Kind.ADMISSION,
        file=ContentFile(b"%PDF-1.4 kept", name="kept.pdf"),
        original_name="kept.pdf",
        content_type="application/pdf",
        size_bytes=13,
    )
    orphan = default_storage.save("proofs/dead-request/orphan", ContentFile(b"%PDF-1.4 lost"))
    later = timezone.now() + timedelta(hours=2)

    assert orphan_files_remove(now=timezone.now()) == []  # young: may be a running upload
    assert orphan_files_remove(now=later) == [orphan]
    assert not default_storage.exists(orphan)
    assert default_storage.exists(proof.file.name)
    assert orphan_files_remove(now=later) == []


def test_the_spool_file_of_an_upload_whose_request_died_is_removed(settings, client):
    """A web process killed while it reads a large upload leaves the upload's spool file."""
    spool = settings.FILE_UPLOAD_TEMP_DIR
    dead = spool / "tmpk1lled.upload.pdf"
    dead.write_bytes(b"%PDF-1.4 half an upload")
    other = spool / "notes.txt"  # not an upload's: left alone
    other.write_bytes(b"kept")
    later = timezone.now() + timedelta(hours=2)

    assert orphan_files_remove(now=timezone.now()) == []  # young: may be a running upload
    assert orphan_files_remove(now=later) == [str(dead)]
    assert not dead.exists()
    assert other.exists()
