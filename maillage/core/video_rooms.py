"""Video rooms (Jitsi Meet by default): one way to name a room and build its address.

A room name carries 128 random bits, so nobody finds a meeting by guessing; the readable prefix only
helps people recognise it. VIDEO_ROOM_BASE_URL (setting) chooses the Jitsi server, or any service
that opens a room at <base>/<name>.
"""

import secrets

from django.conf import settings


def video_room_name(*, prefix: str = "maillage") -> str:
    return f"{prefix}-{secrets.token_hex(16)}"


def video_room_url(name: str) -> str:
    return f"{settings.VIDEO_ROOM_BASE_URL.rstrip('/')}/{name}"
