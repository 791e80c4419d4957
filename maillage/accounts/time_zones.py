"""Each person's time zone: pages, e-mails and reminders show times where the person is.

Times are stored in UTC. A signed-in person's pages use the time zone of their account (set in
"My account", Eastern Time by default, the time of most of Québec); e-mails are written in the
recipient's time zone, since candidates may still live abroad. People read zones as they say them
(« heure de l'Est », « heure de Paris »), never as IANA names.
"""

import zoneinfo
from collections.abc import Callable
from datetime import datetime
from functools import cache

from django.http import HttpRequest, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext
from django.utils.translation import gettext_lazy as _

from maillage.core.templatetags.formatting import format_date
from matchcore.language.folding import fold

DEFAULT_TIME_ZONE = "America/Toronto"

# Canada's zones first, in the order a person in Québec meets them; Blanc-Sablon is the Basse-Côte-Nord.
CANADIAN_ZONES = {
    "America/Toronto": (_("Eastern Time"), _("Eastern Time (Québec, Ontario)")),
    "America/Blanc-Sablon": (
        _("Atlantic Time (Basse-Côte-Nord)"),
        _("Atlantic Time without daylight saving (Basse-Côte-Nord, Québec)"),
    ),
    "America/Halifax": (_("Atlantic Time"), _("Atlantic Time (Nova Scotia, New Brunswick)")),
    "America/St_Johns": (_("Newfoundland Time"), _("Newfoundland Time")),
    "America/Winnipeg": (_("Central Time"), _("Central Time (Manitoba)")),
    "America/Regina": (
        _("Saskatchewan Time"),
        _("Central Time without daylight saving (Saskatchewan)"),
    ),
    "America/Edmonton": (_("Mountain Time"), _("Mountain Time (Alberta)")),
    "America/Vancouver": (_("Pacific Time"), _("Pacific Time (British Columbia)")),
}

CONTINENTS = {
    "Africa": _("Africa"),
    "America": _("Americas"),
    "Antarctica": _("Antarctica"),
    "Arctic": _("Arctic"),
    "Asia": _("Asia"),
    "Atlantic": _("Atlantic"),
    "Australia": _("Australia"),
    "Europe": _("Europe"),
    "Indian": _("Indian Ocean"),
    "Pacific": _("Pacific"),
}


@cache
def _world_zone_names() -> tuple[str, ...]:
    """IANA zones a person can live in ("Europe/Paris"), legacy aliases and Canada's left out."""
    return tuple(
        sorted(
            name
            for name in zoneinfo.available_timezones()
            if name.split("/")[0] in CONTINENTS and name not in CANADIAN_ZONES
        )
    )


def _city(name: str) -> str:
    return name.rsplit("/", 1)[-1].replace("_", " ")


def time_zone_choices() -> list[tuple[str, object]]:
    """The picker: Canada's zones by their everyday names first, then the world's by city."""
    canada = [(name, long) for name, (_short, long) in CANADIAN_ZONES.items()]
    world = sorted(
        (
            (name, f"{_city(name)} ({CONTINENTS[name.split('/')[0]]})")
            for name in _world_zone_names()
        ),
        key=lambda choice: fold(str(choice[1])),
    )
    return [(_("Canada"), canada), (_("Elsewhere in the world"), world)]


def time_zone_name(name: str) -> str:
    """How a person says the zone in the active language: « heure de l'Est », « heure de Paris »."""
    if name in CANADIAN_ZONES:
        return str(CANADIAN_ZONES[name][0])
    city = _city(name)
    if city[:1].casefold() in "aeiouyhéèêàâîôû":
        return pgettext("city starting with a vowel", "%(city)s time") % {"city": city}
    return gettext("%(city)s time") % {"city": city}


def person_datetime(value: datetime, *, time_zone: str, language: str) -> str:
    """A moment written for one person: « mardi 26 novembre 2026, 14 h 30 (heure de l'Est) »."""
    local = timezone.localtime(value, zoneinfo.ZoneInfo(time_zone))
    with translation.override(language):
        weekday = format_date(local, "l")
        moment = format_date(local, "DATETIME_FORMAT")
        return f"{weekday} {moment} ({time_zone_name(time_zone)})"


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
