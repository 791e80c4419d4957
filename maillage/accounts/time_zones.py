"""Each person's time zone: pages, e-mails and reminders show times where the person is.

Times are stored in UTC. A signed-in person's pages use the time zone of their account (set in
"My account", America/Toronto by default, the time of most of Québec); e-mails are written in the
recipient's time zone, since candidates may still live abroad.
"""

import zoneinfo
from collections.abc import Callable
from datetime import datetime
from functools import cache

from django.http import HttpRequest, HttpResponse
from django.utils import formats, timezone, translation

DEFAULT_TIME_ZONE = "America/Toronto"


@cache
def time_zone_choices() -> list[tuple[str, str]]:
    """Every IANA zone a person can live in ("Europe/Paris"), sorted; legacy aliases left out."""
    names = sorted(
        name
        for name in zoneinfo.available_timezones()
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/", "posix/", "right/"))
    )
    return [(name, name.replace("_", " ")) for name in names]


def person_datetime(value: datetime, *, time_zone: str, language: str) -> str:
    """A moment written for one person: "mardi 26 novembre 2026, 14 h 30 (America/Toronto)"."""
    local = timezone.localtime(value, zoneinfo.ZoneInfo(time_zone))
    with translation.override(language):
        weekday = formats.date_format(local, "l")
        moment = formats.date_format(local, "DATETIME_FORMAT")
    return f"{weekday} {moment} ({time_zone})"


def user_time_zone_middleware(get_response: Callable[[HttpRequest], HttpResponse]):
    """Activate the signed-in person's time zone for the request (Québec's time otherwise)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.time_zone:
            timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
        else:
            timezone.deactivate()
        return get_response(request)

    return middleware
