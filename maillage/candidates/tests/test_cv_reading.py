"""Reading CV files: layout (columns, wrapped lines, bullets) and bounds against hostile files
(zip and XML bombs, PDFs of millions of operations), read in a limited child process."""

import io
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from maillage.candidates.cv_import import extract
from maillage.candidates.cv_import.reading import CvUnreadable, cv_text
from maillage.candidates.cv_import.sandbox import SandboxLimits
from maillage.candidates.tests import cv_files
from maillage.candidates.tests.cv_set.scoring import HERE
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.core.uploads import DOCX, PDF

FILES = HERE / "files"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_with_body(body: bytes) -> bytes:
    """A real DOCX (python-docx's package) whose word/document.xml holds `body`, deflated as Word
    stores it."""
    source = zipfile.ZipFile(io.BytesIO(cv_files.docx_bytes(["-"])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            if name != "word/document.xml":
                archive.writestr(name, source.read(name))
        archive.writestr(
            "word/document.xml", b"<?xml version='1.0'?><w:document " + W.encode() + b">" + body
        )
    return buffer.getvalue()


def million_paragraphs_docx() -> bytes:
    """The issue's file: ~100 KB, one million empty paragraphs."""
    return docx_with_body(b"<w:body>" + b"<w:p/>" * 1_000_000 + b"</w:body></w:document>")


def pdf_with_content(stream: bytes) -> bytes:
    """A one-page PDF whose content stream is `stream`, deflated."""
    packed = zlib.compress(stream, 9)
    return cv_files._pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            (
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>"
            ),
            f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
            + packed
            + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def test_a_two_column_pdf_is_read_column_by_column_with_bullets_cleaned():
    lines = cv_text((FILES / "fr_soudeur_maroc__reportlab_two_columns.pdf").read_bytes(), PDF)
    lines = lines.splitlines()
    side = lines.index("LANGUES")
    assert lines[side + 1 : side + 4] == [
        "Arabe : langue maternelle",
        "Français : courant",
        "Anglais : intermédiaire",
    ]
    assert "• Lecture de plans" in lines
    assert not any(ch in "\x7f\x95\uf0b7" for ch in "".join(lines))


def test_a_wrapped_line_stays_one_line():
    # LibreOffice wraps this diploma line in its narrow column: read as one diploma, not two.
    text = cv_text((FILES / "fr_comptable_cameroun__lo_pdf_two_columns.pdf").read_bytes(), PDF)
    assert "Licence en sciences de gestion — Université de Douala, Cameroun, 2009" in text
    assert "Comptable principale — Cabinet Fotso & Associés" in text.splitlines()


def test_a_docx_layout_table_is_read_cell_by_cell():
    text = cv_text((FILES / "en_truck_driver_ukraine__docx_two_columns.docx").read_bytes(), DOCX)
    lines = text.splitlines()
    assert lines.index("LANGUAGES") < lines.index("WORK EXPERIENCE")
    assert "• Pre-trip inspections, load securing and logbooks" in lines


@pytest.mark.parametrize(
    ("content", "content_type", "reason"),
    [
        (million_paragraphs_docx(), DOCX, "too_complex"),
        # 60 MB of text deflated into ~60 KB: the decompressed size is bounded, not the archive's.
        (
            docx_with_body(b"<w:body><w:p><w:r><w:t>" + b"a" * 60_000_000 + b"</w:t></w:r></w:p>"),
            DOCX,
            "too_complex",
        ),
        # "Billion laughs": entities are never expanded, a DTD is refused.
        (
            docx_with_body(
                b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                b"<w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
            ),
            DOCX,
            "broken",
        ),
        # Two million text operations in a 30 KB PDF.
        (pdf_with_content(b"BT /F1 1 Tf (a) Tj ET\n" * 2_000_000), PDF, "too_complex"),
    ],
    ids=["million-paragraphs", "zip-bomb", "xml-entities", "pdf-operations"],
)
def test_hostile_files_are_refused_within_bounds(content, content_type, reason):
    assert len(content) < 400_000
    with pytest.raises(CvUnreadable) as refused:
        cv_text(content, content_type)
    assert refused.value.reason == reason


@pytest.mark.parametrize(
    "limits",
    [
        SandboxLimits(wall_seconds=0.01),  # killed by the clock
        SandboxLimits(memory_bytes=20 * 1024 * 1024),  # no memory to read in
    ],
    ids=["wall-clock", "memory"],
)
def test_a_reader_over_the_sandbox_limits_is_stopped(limits):
    content = (FILES / "fr_prepose_colombie__docx_plain.docx").read_bytes()
    with pytest.raises(CvUnreadable) as refused:
        cv_text(content, DOCX, limits=limits)
    assert refused.value.reason == "too_complex"


def test_the_reader_imports_nothing_of_the_project():
    # The sandbox runs extract.py alone (python -I): no Django, no project module.
    with open(extract.__file__, encoding="utf-8") as file:
        source = file.read()
    assert "django" not in source and "from maillage" not in source


@pytest.mark.django_db
def test_a_hostile_upload_gets_a_clear_message_and_nothing_is_saved(client):
    profile = CandidateProfileFactory()
    client.force_login(profile.user)
    response = client.post(
        reverse("candidates:cv-upload"),
        {"file": SimpleUploadedFile("cv.docx", million_paragraphs_docx(), DOCX)},
    )
    assert response.status_code == 400
    assert "beaucoup plus volumineux à l'intérieur qu'un CV" in " ".join(
        response.context["form"].errors["file"]
    )
    assert not profile.experiences.exists() and not profile.educations.exists()
