"""Region videos: stored only when PyAV can read and decode them; captions only when valid WebVTT."""

import tempfile
from io import StringIO
from pathlib import Path

import webvtt
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.core.uploads import MP4, WEBM, check_upload
from maillage.regions.models import Region, RegionVideo, VideoCaption
from maillage.regions.video_files import MAX_SECONDS, VideoRejected, video_inspect

MAX_CAPTION_BYTES = 512 * 1024


def _rejection_message(error: VideoRejected) -> str:
    messages = {
        "not_a_video": _("This file is not a video that can be read. Upload an MP4 or WebM file."),
        "no_video_stream": _("This file has no image track: it is not a video."),
        "unsupported_codec": _(
            "This video's encoding (%(codecs)s) does not play in web browsers. Export it as MP4 "
            "(H.264, AAC sound) or WebM (VP9, Opus sound)."
        )
        % {"codecs": error.detail},
        "no_frame": _(
            "No image of this video could be decoded: the file is damaged or incomplete."
        ),
        "too_long": _("The video is too long: %(minutes)s minutes at most.")
        % {"minutes": MAX_SECONDS // 60},
    }
    return messages[error.code]


def _inspect_upload(upload: UploadedFile, expected: str):
    path = getattr(upload, "temporary_file_path", None)
    if path is not None:
        return video_inspect(Path(path()), expected=expected)
    with tempfile.NamedTemporaryFile(suffix=f".{expected}") as copy:
        upload.seek(0)
        for chunk in upload.chunks():
            copy.write(chunk)
        copy.flush()
        upload.seek(0)
        return video_inspect(Path(copy.name), expected=expected)


@transaction.atomic
def region_video_upload(
    *,
    region: Region,
    upload: UploadedFile,
    title_fr: str,
    title_en: str = "",
    transcript_fr: str = "",
    transcript_en: str = "",
    by: User,
) -> RegionVideo:
    """Check the file by its bytes, then with PyAV; store it with its poster, or store nothing."""
    checked = check_upload(
        upload, allowed=frozenset({MP4, WEBM}), max_bytes=settings.MAX_VIDEO_UPLOAD_BYTES
    )
    expected = "mp4" if checked.content_type == MP4 else "webm"
    try:
        info = _inspect_upload(upload, expected)
    except VideoRejected as error:
        raise ValidationError(_rejection_message(error), code=error.code) from error
    video = RegionVideo(
        region=region,
        title_fr=title_fr.strip(),
        title_en=title_en.strip(),
        transcript_fr=transcript_fr.strip(),
        transcript_en=transcript_en.strip(),
        original_name=checked.original_name,
        content_type=checked.content_type,
        container=info.container,
        video_codec=info.video_codec,
        audio_codec=info.audio_codec,
        duration_seconds=info.duration_seconds,
        width=info.width,
        height=info.height,
        size_bytes=checked.size_bytes,
        uploaded_by=by,
    )
    try:
        video.file.save("video", upload, save=False)
        video.poster.save("poster.jpg", ContentFile(info.poster_jpeg), save=False)
        video.full_clean()
        video.save()
    except Exception:
        # Nothing half stored: the row rolls back with the transaction, the files go with it.
        _delete_files(video)
        raise
    return video


def _delete_files(video: RegionVideo) -> None:
    for field in (video.file, video.poster):
        if field and field.name:
            field.storage.delete(field.name)


@transaction.atomic
def region_video_update(
    *, video: RegionVideo, title_fr: str, title_en: str, transcript_fr: str, transcript_en: str
) -> RegionVideo:
    video.title_fr = title_fr.strip()
    video.title_en = title_en.strip()
    video.transcript_fr = transcript_fr.strip()
    video.transcript_en = transcript_en.strip()
    video.full_clean()
    video.save(update_fields=["title_fr", "title_en", "transcript_fr", "transcript_en"])
    return video


@transaction.atomic
def region_video_delete(*, video: RegionVideo) -> None:
    files = [video.file.name, video.poster.name, *(c.file.name for c in video.captions.all())]
    storage = video.file.storage
    video.delete()
    transaction.on_commit(lambda: [storage.delete(name) for name in files if name])


def webvtt_check(raw: bytes) -> int:
    """The number of cues of a valid WebVTT file; a translated ValidationError otherwise."""
    invalid = _(
        "This is not a valid WebVTT captions file (it must start with WEBVTT and hold timed cues)."
    )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            _("The captions file must be encoded in UTF-8."), code="encoding"
        ) from exc
    try:
        captions = webvtt.from_buffer(StringIO(text)).captions
    except (webvtt.errors.MalformedFileError, ValueError) as exc:
        raise ValidationError(invalid, code="malformed") from exc
    timings = sum(1 for line in text.splitlines() if "-->" in line)
    if not captions or timings != len(captions):
        raise ValidationError(invalid, code="malformed")
    for caption in captions:
        if caption.end <= caption.start:  # both normalised as HH:MM:SS.mmm
            raise ValidationError(
                _("A caption ends before it starts (at %(start)s).") % {"start": caption.start},
                code="bad_timing",
            )
    return len(captions)


@transaction.atomic
def video_caption_attach(
    *, video: RegionVideo, language: str, upload: UploadedFile
) -> VideoCaption:
    """Attach (or replace) the captions of one language."""
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Choose French or English."), code="language")
    if upload.size > MAX_CAPTION_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_CAPTION_BYTES)},
            code="too_large",
        )
    upload.seek(0)
    raw = upload.read()
    cues = webvtt_check(raw)
    caption = (
        VideoCaption.objects.select_for_update().filter(video=video, language=language).first()
    )
    old_name = caption.file.name if caption is not None else ""
    if caption is None:
        caption = VideoCaption(video=video, language=language)
    caption.cue_count = cues
    caption.file.save("captions.vtt", ContentFile(raw), save=False)
    try:
        caption.full_clean()
        caption.save()
    except Exception:
        caption.file.storage.delete(caption.file.name)
        raise
    if old_name and old_name != caption.file.name:
        storage = caption.file.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    return caption
