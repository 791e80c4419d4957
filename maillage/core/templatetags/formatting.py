"""Numbers, money and dates the Québec way: "75 000 $", "25,50 $", « 1er mai 2027 » in French."""

import datetime as dt
import re
from decimal import Decimal

from django import template
from django.utils import dateformat
from django.utils.formats import get_format, number_format
from django.utils.translation import get_language

register = template.Library()


def format_money(value: Decimal | int | float | None, language: str | None = None) -> str:
    if value is None or value == "":
        return ""
    amount = Decimal(str(value))
    places = 0 if amount == amount.to_integral_value() else 2
    text = number_format(amount, decimal_pos=places, use_l10n=True, force_grouping=True)
    if (language or get_language()) == "en":
        return f"${text}"
    return f"{text}\u00a0$"


@register.filter
def money(value: Decimal | int | float | None) -> str:
    return format_money(value)


@register.filter
def number(value: int | float | Decimal | None) -> str:
    if value is None:
        return ""
    return number_format(value, use_l10n=True, force_grouping=True)


def format_date(value: dt.date | dt.datetime | None, format_name: str = "DATE_FORMAT") -> str:
    """A date in the page's language; in French the first of the month is « 1er » (« le 1er mai »).

    ``format_name`` is a named format (``DATE_FORMAT``) or a format string (``"j F Y"``), as for
    Django's ``date`` filter, which this one replaces in every template. A datetime is written as
    given: the caller chooses its time zone (the filter receives it in the page's).
    """
    if value in (None, ""):
        return ""
    pattern = get_format(format_name) if format_name.isupper() else format_name
    if value.day == 1 and (get_language() or "fr").startswith("fr"):
        pattern = _FIRST_DAY.sub(r"\1\\1\\e\\r", pattern)
    return dateformat.format(value, pattern)


# An unescaped "j" (day of the month without zero) in a date format; "\j" is a literal j.
_FIRST_DAY = re.compile(r"(^|[^\\])j")


@register.filter(name="date", expects_localtime=True, is_safe=False)
def date_filter(value: dt.date | dt.datetime | None, arg: str | None = None) -> str:
    try:
        return format_date(value, arg or "DATE_FORMAT")
    except AttributeError:  # not a date: Django's filter prints nothing too
        return ""


@register.filter
def percent(share: float | None) -> str:
    """A share 0–1 as a percentage: « 93,3 % » in French (no-break space), "93.3%" in English."""
    if share is None or share == "":
        return ""
    text = number_format(round(float(share) * 100, 1), decimal_pos=1, use_l10n=True)
    text = text.removesuffix(",0").removesuffix(".0")
    return f"{text}%" if get_language() == "en" else f"{text}\u00a0%"
