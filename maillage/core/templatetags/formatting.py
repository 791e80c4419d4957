"""Numbers and money the Québec way: "75 000 $" and "25,50 $" in French, "$75,000" in English."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
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
