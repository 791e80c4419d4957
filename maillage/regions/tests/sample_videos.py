"""Tiny real videos made with PyAV for the tests (a few kilobytes, a second long)."""

from io import BytesIO

import av
import numpy as np
from django.core.files.uploadedfile import SimpleUploadedFile

CAPTIONS_FR = "WEBVTT\n\n00:00.000 --> 00:00.900\nBienvenue au Bas-Saint-Laurent\n"
CAPTIONS_EN = "WEBVTT\n\n00:00.000 --> 00:00.900\nWelcome to Bas-Saint-Laurent\n"


def video_bytes(
    *, container: str = "webm", codec: str = "libvpx-vp9", frames: int = 10, size=(64, 48)
) -> bytes:
    width, height = size
    buffer = BytesIO()
    with av.open(buffer, "w", format=container) as output:
        stream = output.add_stream(codec, rate=10)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for index in range(frames):
            image = np.zeros((height, width, 3), dtype=np.uint8)
            image[:, : (index + 1) * width // frames] = (9, 87, 151)
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="rgb24")):
                output.mux(packet)
        for packet in stream.encode():
            output.mux(packet)
    return buffer.getvalue()


def webm_upload(name: str = "region.webm") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, video_bytes(), content_type="video/webm")


def mp4_upload(name: str = "region.mp4", codec: str = "libx264") -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, video_bytes(container="mp4", codec=codec), content_type="video/mp4"
    )


def vtt_upload(text: str, name: str = "captions.vtt") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/vtt")
