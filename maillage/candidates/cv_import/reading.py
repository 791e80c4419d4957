"""The text of an uploaded CV, with pypdf (PDF) or python-docx (DOCX)."""

import io
import logging
import re
import unicodedata
import zipfile
from typing import Literal

from docx import Document
from pypdf import PdfReader

from maillage.core.uploads import DOCX, PDF

logger = logging.getLogger(__name__)

MAX_PAGES = 15  # a CV is a few pages; a huge PDF is not read further
MAX_CHARS = 60_000
MIN_LETTERS = 40  # fewer: a scanned image, not text
Reason = Literal["encrypted", "no_text", "broken"]
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b]+")


class CvUnreadable(Exception):
    """The file holds no text we can read; `reason` says why (the views translate it)."""

    def __init__(self, reason: Reason):
        super().__init__(reason)
        self.reason = reason


def cv_text(data: bytes, content_type: str) -> str:
    """The CV's text, one line per line of the document, at most MAX_CHARS characters."""
    if content_type == PDF:
        text = _pdf_text(data)
    elif content_type == DOCX:
        text = _docx_text(data)
    else:
        raise CvUnreadable("broken")
    text = unicodedata.normalize("NFC", text.replace("\x00", ""))
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    text = "\n".join(lines).strip()[:MAX_CHARS]
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        raise CvUnreadable("no_text")
    return text


def _pdf_text(data: bytes) -> str:
    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as error:  # pypdf raises many kinds of errors on damaged files
        logger.info("Unreadable PDF: %r", error)
        raise CvUnreadable("broken") from error
    if encrypted:
        try:
            opened = reader.decrypt("")  # some PDFs are "encrypted" with an empty password
        except Exception as error:  # e.g. an encryption pypdf cannot undo here
            raise CvUnreadable("encrypted") from error
        if not opened:
            raise CvUnreadable("encrypted")
    try:
        return "\n".join(page.extract_text() or "" for page in reader.pages[:MAX_PAGES])
    except Exception as error:
        logger.info("Unreadable PDF pages: %r", error)
        raise CvUnreadable("broken") from error


def _docx_text(data: bytes) -> str:
    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise CvUnreadable("broken") from error
    except Exception as error:  # python-docx's own package errors
        logger.info("Unreadable DOCX: %r", error)
        raise CvUnreadable("broken") from error
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells = dict.fromkeys(cell.text.strip() for cell in row.cells if cell.text.strip())
            lines.append(" | ".join(cells))
    return "\n".join(lines)
