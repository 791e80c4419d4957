"""Write the CV test set: each person of profiles.py as DOCX and PDF files made by several
generators, and the expected `parse_cv` output next to them.

    .venv/bin/pip install reportlab fpdf2        # generators, for this script only
    apt-get install libreoffice-writer           # DOCX → PDF, for this script only
    .venv/bin/python -m maillage.candidates.tests.cv_set.generate

The files are committed (files/, expected/): the tests and benchmarks/cv_eval.py read them and need
none of these tools. Styles:

- docx_plain: python-docx, one column, list paragraphs for bullets.
- docx_two_columns: python-docx, a two-cell layout table (side column on the left).
- lo_pdf_plain / lo_pdf_two_columns: the DOCX above, converted by LibreOffice Writer.
- reportlab_one_column / reportlab_two_columns: reportlab platypus (wrapped paragraphs, bullets
  drawn by reportlab, a side frame for two columns).
- fpdf_one_column: fpdf2 with DejaVu Sans, dates right-aligned on the title's line.
- handmade_pdf: the minimal PDF writer of tests/cv_files.py (one text line per line).
"""

import io
import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from docx import Document
from docx.shared import Cm, Pt

from maillage.candidates.tests import cv_files
from maillage.candidates.tests.cv_set.profiles import PEOPLE, Job, Person, expected

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"
EXPECTED = HERE / "expected"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")

COUNTRY_NAMES = {
    "fr": {
        "CO": "Colombie", "MA": "Maroc", "UA": "Ukraine", "CM": "Cameroun", "PH": "Philippines",
        "AE": "Émirats arabes unis", "HT": "Haïti", "IN": "Inde", "TN": "Tunisie",
        "NG": "Nigeria", "CA": "Canada", "SN": "Sénégal", "DZ": "Algérie", "BR": "Brésil",
        "LB": "Liban",
    },
    "en": {
        "CO": "Colombia", "MA": "Morocco", "UA": "Ukraine", "CM": "Cameroon", "PH": "Philippines",
        "AE": "United Arab Emirates", "HT": "Haiti", "IN": "India", "TN": "Tunisia",
        "NG": "Nigeria", "CA": "Canada", "SN": "Senegal", "DZ": "Algeria", "BR": "Brazil",
        "LB": "Lebanon",
    },
}  # fmt: skip
HEADINGS = {
    "fr": {
        "summary": "Profil",
        "experience": "Expérience professionnelle",
        "education": "Formation",
        "certifications": "Certifications et attestations",
        "languages": "Langues",
        "skills": "Compétences",
    },
    "en": {
        "summary": "Summary",
        "experience": "Work experience",
        "education": "Education",
        "certifications": "Certifications and licences",
        "languages": "Languages",
        "skills": "Skills",
    },
}


def place(person: Person, job: Job) -> str:
    if job.place:
        return job.place
    if not job.country:
        return job.city
    return f"{job.city}, {COUNTRY_NAMES[person.language][job.country]}"


def job_header(person: Person, job: Job, style: str) -> list[str]:
    """The lines above a job's bullets, written the way each style's author would."""
    where = place(person, job)
    if style in {"docx_plain", "lo_pdf_plain"}:
        return [job.title, f"{job.employer} — {where}", job.dates]
    if style in {"docx_two_columns", "lo_pdf_two_columns"}:
        return [f"{job.title} — {job.employer}", f"{where} | {job.dates}"]
    if style == "reportlab_one_column":
        return [f"{job.title} — {job.employer}, {where}", job.dates]
    if style == "reportlab_two_columns":
        return [job.title, f"{job.employer} · {where} · {job.dates}"]
    if style == "handmade_pdf":
        return [job.title, f"{job.employer} — {where} — {job.dates}"]
    raise ValueError(style)


def main_blocks(person: Person, style: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """(heading, [(kind, text)]) of the main column; kind: "p", "bold", "bullet"."""
    h = HEADINGS[person.language]
    blocks = []
    if person.summary:
        blocks.append((h["summary"], [("p", person.summary)]))
    jobs = []
    for job in person.jobs:
        header = job_header(person, job, style)
        jobs.append(("bold", header[0]))
        jobs += [("p", line) for line in header[1:]]
        jobs += [("bullet", bullet) for bullet in job.bullets]
    blocks.append((h["experience"], jobs))
    blocks.append((h["education"], [("p", d.text) for d in person.diplomas]))
    return blocks


def side_blocks(person: Person) -> list[tuple[str, list[tuple[str, str]]]]:
    h = HEADINGS[person.language]
    blocks = []
    if person.certificates:
        blocks.append((h["certifications"], [("bullet", c.text) for c in person.certificates]))
    blocks.append((h["languages"], [("p", s.as_written) for s in person.spoken]))
    blocks.append((h["skills"], [("bullet", skill) for skill in person.skills]))
    return blocks


def all_lines(person: Person, style: str) -> list[str]:
    lines = [person.name, person.headline, person.contact, ""]
    for heading, items in main_blocks(person, style) + side_blocks(person):
        lines.append(heading.upper())
        lines += [("• " + text) if kind == "bullet" else text for kind, text in items]
        lines.append("")
    return lines


# --- DOCX ---------------------------------------------------------------------------------------


def _docx_items(container, blocks) -> None:
    for heading, items in blocks:
        run = container.add_paragraph().add_run(heading.upper())
        run.bold = True
        run.font.size = Pt(12)
        for kind, text in items:
            if kind == "bullet":
                container.add_paragraph(text, style="List Bullet")
            else:
                paragraph = container.add_paragraph()
                paragraph.add_run(text).bold = kind == "bold"


def docx_document(person: Person, style: str) -> bytes:
    document = Document()
    title = document.add_paragraph().add_run(person.name)
    title.bold, title.font.size = True, Pt(18)
    document.add_paragraph(person.headline)
    document.add_paragraph(person.contact)
    if style.endswith("two_columns"):
        table = document.add_table(rows=1, cols=2)
        side, main = table.rows[0].cells
        side.width, main.width = Cm(5.5), Cm(11.5)
        side.paragraphs[0].text = ""
        _docx_items(side, side_blocks(person))
        _docx_items(main, main_blocks(person, style))
    else:
        _docx_items(document, main_blocks(person, style) + side_blocks(person))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def libreoffice_pdf(docx: bytes) -> bytes:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "cv.docx"
        source.write_bytes(docx)
        subprocess.run(
            ["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", folder, str(source)],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return (Path(folder) / "cv.pdf").read_bytes()


# --- PDF generators -----------------------------------------------------------------------------


def reportlab_pdf(person: Person, style: str) -> bytes:
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        FrameBreak,
        PageTemplate,
        Paragraph,
        Spacer,
    )

    pdfmetrics.registerFont(TTFont("DejaVu", str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    body = ParagraphStyle("body", fontName="DejaVu", fontSize=9.5, leading=12, alignment=TA_LEFT)
    bold = ParagraphStyle("bold", parent=body, fontName="DejaVu-Bold")
    heading = ParagraphStyle("heading", parent=bold, fontSize=11.5, leading=15, spaceBefore=6)
    name = ParagraphStyle("name", parent=bold, fontSize=18, leading=22)
    bullet = ParagraphStyle("bullet", parent=body, leftIndent=12, bulletIndent=2)

    def flow(blocks):
        out = []
        for title, items in blocks:
            out.append(Paragraph(title.upper(), heading))
            for kind, text in items:
                text = text.replace("&", "&amp;")
                if kind == "bullet":
                    out.append(Paragraph(text, bullet, bulletText="•"))
                else:
                    out.append(Paragraph(text, bold if kind == "bold" else body))
            out.append(Spacer(1, 4))
        return out

    buffer = io.BytesIO()
    width, height = A4
    top = [Paragraph(person.name, name), Paragraph(person.headline, bold)]
    top.append(Paragraph(person.contact.replace("&", "&amp;"), body))
    if style == "reportlab_two_columns":
        header = Frame(1.5 * cm, height - 4 * cm, width - 3 * cm, 2.5 * cm, id="header")
        side = Frame(1.5 * cm, 1.5 * cm, 5.2 * cm, height - 5.5 * cm, id="side")
        main = Frame(7.2 * cm, 1.5 * cm, width - 8.7 * cm, height - 5.5 * cm, id="main")
        document = BaseDocTemplate(buffer, pagesize=A4)
        document.addPageTemplates([PageTemplate(frames=[header, side, main])])
        story = top + [FrameBreak()] + flow(side_blocks(person)) + [FrameBreak()]
        story += flow(main_blocks(person, style))
    else:
        document = BaseDocTemplate(buffer, pagesize=A4)
        frame = Frame(2 * cm, 1.5 * cm, width - 4 * cm, height - 3 * cm, id="main")
        document.addPageTemplates([PageTemplate(frames=[frame])])
        story = top + [Spacer(1, 8)] + flow(main_blocks(person, style) + side_blocks(person))
    document.build(story)
    return buffer.getvalue()


def fpdf_pdf(person: Person) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 17)
    pdf.cell(0, 9, person.name, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    for line in (person.headline, person.contact):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    h = HEADINGS[person.language]

    def heading(text: str) -> None:
        pdf.ln(3)
        pdf.set_font("DejaVu", "B", 12)
        pdf.cell(0, 8, text.upper(), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)

    def bullet(text: str) -> None:
        pdf.set_x(pdf.l_margin + 3)
        pdf.multi_cell(0, 5.5, "• " + text, new_x="LMARGIN", new_y="NEXT")

    if person.summary:
        heading(h["summary"])
        pdf.multi_cell(0, 5.5, person.summary, new_x="LMARGIN", new_y="NEXT")
    heading(h["experience"])
    for job in person.jobs:
        pdf.set_font("DejaVu", "B", 10)
        pdf.cell(120, 6, job.title)
        pdf.set_font("DejaVu", "", 10)
        pdf.cell(0, 6, job.dates, align="R", new_x="LMARGIN", new_y="NEXT")
        pdf.cell(0, 6, f"{job.employer}, {place(person, job)}", new_x="LMARGIN", new_y="NEXT")
        for text in job.bullets:
            bullet(text)
    heading(h["education"])
    for diploma in person.diplomas:
        pdf.multi_cell(0, 5.5, diploma.text, new_x="LMARGIN", new_y="NEXT")
    for title, items in side_blocks(person):
        heading(title)
        for kind, text in items:
            if kind == "bullet":
                bullet(text)
            else:
                pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def render(person: Person, style: str) -> tuple[str, bytes]:
    if style in {"docx_plain", "docx_two_columns"}:
        return "docx", docx_document(person, style)
    if style == "lo_pdf_plain":
        return "pdf", libreoffice_pdf(docx_document(person, "docx_plain"))
    if style == "lo_pdf_two_columns":
        return "pdf", libreoffice_pdf(docx_document(person, "docx_two_columns"))
    if style.startswith("reportlab"):
        return "pdf", reportlab_pdf(person, style)
    if style == "fpdf_one_column":
        return "pdf", fpdf_pdf(person)
    if style == "handmade_pdf":
        return "pdf", cv_files.pdf_bytes(all_lines(person, style), lines_per_page=60)
    raise ValueError(style)


def main() -> None:
    if not shutil.which("libreoffice"):
        raise SystemExit("libreoffice is needed: apt-get install libreoffice-writer")
    FILES.mkdir(exist_ok=True)
    EXPECTED.mkdir(exist_ok=True)
    for person in PEOPLE:
        for style in person.renderings:
            extension, content = render(person, style)
            (FILES / f"{person.slug}__{style}.{extension}").write_bytes(content)
        (EXPECTED / f"{person.slug}.json").write_text(
            json.dumps(expected(person), ensure_ascii=False, indent=2) + "\n"
        )
        print(person.slug, ", ".join(person.renderings))


if __name__ == "__main__":
    main()
