"""What a video file really is, read by PyAV (FFmpeg): container, codecs, duration, size, poster.

Only what today's browsers play in an HTML5 <video> is accepted: MP4 with H.264 or AV1 video (AAC,
MP3 or Opus sound), WebM with VP8, VP9 or AV1 video (Vorbis or Opus sound). A file whose first frame
cannot be decoded is not a playable video.
"""

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import av

PLAYABLE = {
    "mp4": ({"h264", "av1", "libdav1d"}, {"aac", "mp3", "opus", "libopus"}),
    "webm": (
        {"vp8", "vp9", "av1", "libdav1d", "libvpx", "libvpx-vp9"},
        {"vorbis", "opus", "libopus"},
    ),
}
MAX_SECONDS = 30 * 60


class VideoRejected(Exception):
    """`code` says why: not_a_video, no_video_stream, unsupported_codec, no_frame, too_long."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class VideoInfo:
    container: str  # "mp4" or "webm"
    video_codec: str
    audio_codec: str
    duration_seconds: float
    width: int
    height: int
    poster_jpeg: bytes


def _container(format_name: str, expected: str) -> str:
    names = set(format_name.split(","))
    if expected == "webm" and names & {"webm", "matroska"}:
        return "webm"
    if expected == "mp4" and names & {"mp4", "mov"}:
        return "mp4"
    raise VideoRejected("not_a_video", format_name)


def video_inspect(path: Path, *, expected: str) -> VideoInfo:
    """Read the file at `path`; `expected` is the container the upload check saw ("mp4"/"webm")."""
    try:
        container = av.open(str(path))
    except (av.FFmpegError, OSError, ValueError) as exc:
        raise VideoRejected("not_a_video", str(exc)) from exc
    with container:
        kind = _container(container.format.name, expected)
        video = next((s for s in container.streams if s.type == "video"), None)
        if video is None:
            raise VideoRejected("no_video_stream")
        audio = next((s for s in container.streams if s.type == "audio"), None)
        video_codec = video.codec_context.name
        audio_codec = audio.codec_context.name if audio is not None else ""
        video_codecs, audio_codecs = PLAYABLE[kind]
        if video_codec not in video_codecs or (audio_codec and audio_codec not in audio_codecs):
            raise VideoRejected("unsupported_codec", f"{video_codec}/{audio_codec or '-'}")
        duration = _duration(container, video)
        if duration > MAX_SECONDS:
            raise VideoRejected("too_long", f"{duration:.0f}")
        try:
            frame = next(container.decode(video=0), None)
        except (av.FFmpegError, ValueError) as exc:
            raise VideoRejected("no_frame", str(exc)) from exc
        if frame is None:
            raise VideoRejected("no_frame")
        poster = BytesIO()
        frame.to_image().convert("RGB").save(poster, format="JPEG", quality=85)
        return VideoInfo(
            container=kind,
            video_codec=video_codec,
            audio_codec=audio_codec,
            duration_seconds=round(duration, 3),
            width=frame.width,
            height=frame.height,
            poster_jpeg=poster.getvalue(),
        )


def _duration(container, video) -> float:
    if container.duration is not None and container.duration > 0:
        return container.duration / av.time_base
    if video.duration is not None and video.time_base is not None:
        return float(video.duration * video.time_base)
    return 0.0
