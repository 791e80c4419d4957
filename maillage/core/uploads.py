"""Uploaded files are judged by their content, never by their name or the browser's word."""

from dataclasses import dataclass

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
MP4 = "video/mp4"
WEBM = "video/webm"

# Names people know, for the error messages.
KIND_NAMES = {PDF: "PDF", JPEG: "JPEG", PNG: "PNG", DOCX: "Word (DOCX)", MP4: "MP4", WEBM: "WebM"}
# The first bytes are enough for every type above.
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class CheckedUpload:
    content_type: str
    size_bytes: int
    original_name: str


def check_upload(upload: UploadedFile, *, allowed: frozenset[str], max_bytes: int) -> CheckedUpload:
    """Raise a translated ValidationError unless the file is non-empty, small enough and of an
    allowed type as read from its bytes."""
    names = ", ".join(sorted(KIND_NAMES[kind] for kind in allowed))
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    kind = filetype.guess(head)
    detected = kind.mime if kind else None
    if detected == "application/zip" and DOCX in allowed:
        detected = DOCX if b"word/" in head else detected
    if detected not in allowed:
        raise ValidationError(
            _("This file is not an accepted type. Accepted: %(types)s.") % {"types": names},
            code="bad_type",
        )
    if detected in {JPEG, PNG}:
        _check_image(upload, names)
    return CheckedUpload(detected, upload.size, (upload.name or "")[-255:])


def _check_image(upload: UploadedFile, names: str) -> None:
    """The magic bytes of an image are easy to fake: decode its structure too (Pillow also refuses
    decompression bombs, images whose pixel count would exhaust memory)."""
    try:
        with Image.open(upload) as image:
            image.verify()
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as exc:
        raise ValidationError(
            _("This file is damaged or is not an accepted type. Accepted: %(types)s.")
            % {"types": names},
            code="bad_content",
        ) from exc
    finally:
        upload.seek(0)
