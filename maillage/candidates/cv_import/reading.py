"""The text of an uploaded CV: read in a limited child process (sandbox.py, extract.py), one line
per line of the document, in reading order, bullets written "• "."""

import logging
import unicodedata
from typing import Literal

from maillage.candidates.cv_import import extract
from maillage.candidates.cv_import.sandbox import DEFAULT_LIMITS, SandboxLimits, read_in_sandbox
from maillage.core.uploads import DOCX, PDF

logger = logging.getLogger(__name__)

MAX_CHARS = 60_000
MIN_LETTERS = 40  # fewer: a scanned image, not text
Reason = Literal["encrypted", "no_text", "broken", "too_complex"]
KINDS = {PDF: "pdf", DOCX: "docx"}


class CvUnreadable(Exception):
    """The file holds no text we can read; `reason` says why (the views translate it)."""

    def __init__(self, reason: Reason):
        super().__init__(reason)
        self.reason = reason


def cv_text(data: bytes, content_type: str, *, limits: SandboxLimits = DEFAULT_LIMITS) -> str:
    """The CV's text, at most MAX_CHARS characters."""
    if content_type not in KINDS:
        raise CvUnreadable("broken")
    try:
        lines = read_in_sandbox(data, KINDS[content_type], limits)
    except extract.Unreadable as unreadable:
        logger.info("Unreadable CV (%s): %s", content_type, unreadable.reason)
        raise CvUnreadable(unreadable.reason) from None
    text = unicodedata.normalize("NFC", "\n".join(lines)).strip()[:MAX_CHARS]
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        raise CvUnreadable("no_text")
    return text
