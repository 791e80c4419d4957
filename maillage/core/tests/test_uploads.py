"""Uploads are judged by their content: every upload field of every form goes through
check_upload, and check_upload refuses disguised, damaged, empty and oversized files."""

import importlib
import inspect
import io
import pkgutil
import zipfile

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

import maillage
from maillage.core.uploads import DOCX, JPEG, PDF, PNG, check_upload

PROOF_TYPES = frozenset({PDF, JPEG, PNG})
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _png(size=(4, 3)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_real_pdf_is_accepted_whatever_its_name():
    checked = check_upload(
        SimpleUploadedFile("scan.jpg", PDF_BYTES, content_type="image/jpeg"),
        allowed=PROOF_TYPES,
        max_bytes=1000,
    )
    assert (checked.content_type, checked.size_bytes, checked.original_name) == (
        PDF,
        len(PDF_BYTES),
        "scan.jpg",
    )


def test_a_script_named_pdf_is_refused():
    with translation.override("en"), pytest.raises(ValidationError) as error:
        check_upload(
            SimpleUploadedFile("carte.pdf", b"#!/bin/sh\nrm -rf /\n", content_type=PDF),
            allowed=PROOF_TYPES,
            max_bytes=1000,
        )
    assert error.value.code == "bad_type"
    assert error.value.messages == ["This file is not an accepted type. Accepted: JPEG, PDF, PNG."]


def test_a_png_header_on_garbage_is_refused():
    fake = _png()[:16] + b"\x00" * 200
    with pytest.raises(ValidationError) as error:
        check_upload(SimpleUploadedFile("photo.png", fake), allowed=PROOF_TYPES, max_bytes=10_000)
    assert error.value.code == "bad_content"


def test_a_real_png_is_accepted_and_left_readable():
    upload = SimpleUploadedFile("photo.png", _png())
    assert check_upload(upload, allowed=PROOF_TYPES, max_bytes=10_000).content_type == PNG
    assert upload.read(8) == b"\x89PNG\r\n\x1a\n"


def test_empty_and_oversized_files_are_refused_with_their_reason():
    with pytest.raises(ValidationError) as empty:
        check_upload(SimpleUploadedFile("a.pdf", b""), allowed=PROOF_TYPES, max_bytes=1000)
    with pytest.raises(ValidationError) as large:
        check_upload(
            SimpleUploadedFile("a.pdf", PDF_BYTES * 100), allowed=PROOF_TYPES, max_bytes=1000
        )
    assert empty.value.code == "empty"
    assert large.value.code == "too_large"


def test_a_zip_is_not_a_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.exe", b"MZ" + b"\x00" * 100)
    with pytest.raises(ValidationError):
        check_upload(
            SimpleUploadedFile("cv.docx", buffer.getvalue()),
            allowed=frozenset({DOCX}),
            max_bytes=10_000,
        )


def _project_form_classes() -> list[type[forms.BaseForm]]:
    for module_info in pkgutil.walk_packages(maillage.__path__, "maillage."):
        if module_info.name.endswith(".forms") or ".forms." in module_info.name:
            importlib.import_module(module_info.name)
    found, stack = [], [forms.Form, forms.ModelForm]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            stack.append(sub)
            if sub.__module__.startswith("maillage."):
                found.append(sub)
    return found


# Upload fields whose content is checked in the service the view calls, not in the form (audited:
# each of these services refuses the file before anything is stored, and has tests that say so).
CHECKED_IN_SERVICES = {
    # check_upload (MP4/WebM by bytes, size), then PyAV opens and decodes it.
    "maillage.regions.forms.RegionVideoUploadForm.file": "maillage.regions.services.videos.region_video_upload",
    # size limit, then parsed as WebVTT (webvtt-py); anything else is refused.
    "maillage.regions.forms.CaptionForm.file": "maillage.regions.services.videos.video_caption_attach",
}


def test_every_upload_field_of_every_form_is_checked_by_content():
    """A new upload field fails this test until its check is written (in the form's clean_<field>
    with check_upload) or audited into CHECKED_IN_SERVICES."""
    unchecked = []
    upload_fields = 0
    for form_class in _project_form_classes():
        for name, field in form_class.base_fields.items():
            if isinstance(field, forms.FileField):
                upload_fields += 1
                label = f"{form_class.__module__}.{form_class.__name__}.{name}"
                cleaner = getattr(form_class, f"clean_{name}", None)
                if label in CHECKED_IN_SERVICES:
                    module, function = CHECKED_IN_SERVICES[label].rsplit(".", 1)
                    source = inspect.getsource(getattr(importlib.import_module(module), function))
                    if "check_upload" not in source and "webvtt_check" not in source:
                        unchecked.append(label)
                elif cleaner is None or "check_upload" not in inspect.getsource(cleaner):
                    unchecked.append(label)
    assert upload_fields >= 3
    assert unchecked == []


def test_proof_documents_cannot_be_added_through_the_admin(rf, admin_user):
    from django.contrib.admin.sites import site

    from maillage.candidates.models import ProofDocument

    request = rf.get("/admin/")
    request.user = admin_user
    model_admin = site._registry[ProofDocument]
    assert model_admin.has_add_permission(request) is False
    assert model_admin.has_change_permission(request) is False
