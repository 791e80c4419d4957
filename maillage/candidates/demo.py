"""Demo step of candidates: each demo candidate's proof of status, uploaded through the same check
and service as the form, so an advisor who opens a verified profile sees what was checked and the
profiles waiting for review have something to review.

The proofs are PDF pages that say plainly they are demo documents, with nothing of a real one."""

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from maillage.candidates.forms import PROOF_TYPES
from maillage.candidates.models import CandidateProfile, ImmigrationStatus, ProofDocument
from maillage.candidates.services import proof_document_upload
from maillage.core.demo_steps import DemoContext, DemoStage, DemoStep
from maillage.core.uploads import check_upload

# The document a person of each status shows (the words printed on the demo image).
PROOFS = {
    ImmigrationStatus.PERMANENT_RESIDENT: (
        ProofDocument.Kind.ADMISSION,
        "Confirmation de résidence permanente",
    ),
    ImmigrationStatus.OPEN_WORK_PERMIT: (
        ProofDocument.Kind.WORK_PERMIT,
        "Permis de travail ouvert",
    ),
    ImmigrationStatus.EMPLOYER_SPECIFIC_PERMIT: (
        ProofDocument.Kind.WORK_PERMIT,
        "Permis de travail lié à un employeur",
    ),
    ImmigrationStatus.WORKING_HOLIDAY: (ProofDocument.Kind.WORK_PERMIT, "Permis vacances-travail"),
    ImmigrationStatus.POST_GRADUATION_PERMIT: (
        ProofDocument.Kind.WORK_PERMIT,
        "Permis de travail postdiplôme",
    ),
    ImmigrationStatus.OTHER: (ProofDocument.Kind.OTHER, "Document d'immigration"),
    ImmigrationStatus.PROTECTED_PERSON: (
        ProofDocument.Kind.OTHER,
        "Décision de la CISR : personne protégée",
    ),
}


def _pdf_text(line: str) -> bytes:
    escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return escaped.encode("cp1252")  # the standard fonts' WinAnsi encoding has é, à, —


def _demo_proof(full_name: str, title: str) -> bytes:
    """A one-page PDF that says plainly it is a demo document (standard font, nothing embedded)."""
    lines = [
        "DOCUMENT DE DÉMONSTRATION — SANS VALEUR",
        title,
        full_name,
        "Maillage : données de démonstration",
    ]
    text = (
        b"BT /F1 16 Tf 48 320 Td "
        + b" 0 -40 Td ".join(b"(" + _pdf_text(line) + b") Tj" for line in lines)
        + b" ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 396] "
            b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
        ),
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


def build_candidates_demo(context: DemoContext) -> int:
    """Upload one proof per candidate who has a status; returns how many."""
    count = 0
    for profile in CandidateProfile.objects.select_related("user").exclude(immigration_status=""):
        kind, title = PROOFS.get(profile.immigration_status, PROOFS[ImmigrationStatus.OTHER])
        upload = SimpleUploadedFile(
            "preuve-demo.pdf", _demo_proof(profile.user.full_name, title), "application/pdf"
        )
        checked = check_upload(
            upload, allowed=PROOF_TYPES, max_bytes=settings.MAX_DOCUMENT_UPLOAD_BYTES
        )
        proof_document_upload(profile=profile, kind=kind, upload=upload, checked=checked)
        count += 1
    return count


DEMO = DemoStep(DemoStage.SHOWCASE, build_candidates_demo)
