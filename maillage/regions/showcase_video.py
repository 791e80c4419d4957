"""A short demo video made on the spot with PyAV (WebM, VP9): colour bands sweeping the frame.
Used by the demo data; nothing is downloaded."""

from io import BytesIO

import av
import numpy as np

COLOURS = [(9, 87, 151), (25, 107, 52), (229, 138, 0), (6, 58, 102)]


def demo_video_bytes(
    *, seconds: int = 4, fps: int = 12, size: tuple[int, int] = (320, 180)
) -> bytes:
    width, height = size
    buffer = BytesIO()
    with av.open(buffer, "w", format="webm") as output:
        stream = output.add_stream("libvpx-vp9", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        frames = seconds * fps
        for index in range(frames):
            image = np.full((height, width, 3), 245, dtype=np.uint8)
            colour = COLOURS[(index * len(COLOURS)) // frames]
            image[:, : max(1, (index % fps + 1) * width // fps)] = colour
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="rgb24")):
                output.mux(packet)
        for packet in stream.encode():
            output.mux(packet)
    return buffer.getvalue()
