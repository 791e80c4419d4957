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


def test_every_upload_field_of_every_form_is_checked_by_content():
    unchecked = []
    upload_fields = 0
    for form_class in _project_form_classes():
        for name, field in form_class.base_fields.items():
            if isinstance(field, forms.FileField):
                upload_fields += 1
                cleaner = getattr(form_class, f"clean_{name}", None)
                if cleaner is None or "check_upload" not in inspect.getsource(cleaner):
                    unchecked.append(f"{form_class.__module__}.{form_class.__name__}.{name}")
    assert upload_fields >= 1
    assert unchecked == []


def test_proof_documents_cannot_be_added_through_the_admin(rf, admin_user):
    from django.contrib.admin.sites import site

    from maillage.candidates.models import ProofDocument

    request = rf.get("/admin/")
    request.user = admin_user
    model_admin = site._registry[ProofDocument]
    assert model_admin.has_add_permission(request) is False
    assert model_admin.has_change_permission(request) is False
