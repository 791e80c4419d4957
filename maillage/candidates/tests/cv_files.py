"""Small, realistic CVs built in memory for the CV-import tests: PDF (written by hand, Helvetica
with the Windows-1252 encoding so French accents survive) and DOCX (python-docx)."""

import io

from docx import Document
from pypdf import PdfReader, PdfWriter

CV_FR = """Amina Benali
Soudeuse-monteuse
amina.benali@example.com · 418 555-0199 · Rimouski (Québec)

PROFIL
Soudeuse d'expérience en fabrication de structures d'acier, autonome et minutieuse.

EXPÉRIENCE PROFESSIONNELLE
Soudeuse-monteuse
Ateliers Métalliques du Rif, Tanger (Maroc) — janv. 2016 à déc. 2023
- Soudage MIG et TIG de structures en acier et en aluminium
- Lecture de plans et devis
- Contrôle de la qualité des soudures

Aide-soudeuse | Chaudronnerie Atlas | 2013 - 2015
- Préparation des pièces, meulage et coupage au plasma

FORMATION
2015 – Diplôme de technicien spécialisé en soudage (BTS), Tanger, Maroc
2012 – Baccalauréat sciences expérimentales

LANGUES
Français : courant
Arabe : langue maternelle

COMPÉTENCES
Soudage MIG, TIG et à l'arc; lecture de plans; travail d'équipe""".splitlines()

CV_EN = """Daniel Okafor
Registered practical nurse

SUMMARY
Nurse with six years in long-term care, calm and organised.

WORK EXPERIENCE
Licensed practical nurse, Lagos General Hospital (Nigeria)
March 2019 – present
- Administer medications and monitor patients' vital signs
- Keep patient records up to date

Patient care aide at Sunrise Care Home
2016 - 2019
- Help residents with hygiene and meals

EDUCATION
Bachelor of Nursing Science, University of Lagos, 2016

LANGUAGES
English: native
French: intermediate (B1)

SKILLS
Wound care, medication administration, teamwork""".splitlines()


def docx_bytes(lines: list[str]) -> bytes:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def pdf_bytes(lines: list[str], *, lines_per_page: int = 48) -> bytes:
    """A text PDF, one line of the list per line of the page."""
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(f"{3 + 2 * n} 0 R".encode() for n in range(len(pages)))
        + f"] /Count {len(pages)} >>".encode(),
    ]
    font = 3 + 2 * len(pages)
    for n, page in enumerate(pages):
        text = b" ".join(b"(" + _pdf_string(line) + b") '" for line in page)
        stream = b"BT /F1 10 Tf 50 800 Td 14 TL " + text + b" ET"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {4 + 2 * n} 0 R >>".encode()
        )
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    return _pdf_file(objects)


def scanned_pdf_bytes() -> bytes:
    """A PDF whose page is a drawing with no text at all, as a scanner makes (without OCR)."""
    stream = b"0.9 g 50 50 495 742 re f 0 g 60 700 200 20 re f"
    return _pdf_file(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
            f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream",
        ]
    )


def encrypted_pdf_bytes(lines: list[str]) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(lines))))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def broken_pdf_bytes() -> bytes:
    """Starts like a PDF, then nothing a reader can use."""
    return b"%PDF-1.7\n" + bytes(range(256)) * 8


def _pdf_string(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _pdf_file(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)
