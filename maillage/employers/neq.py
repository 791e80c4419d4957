"""The Québec enterprise number (numéro d'entreprise du Québec, NEQ)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# The first two digits say what kind of enterprise registered: 11 joint-stock company,
# 22 sole proprietorship, 33 partnership, 88 other legal person (association, cooperative…).
NEQ_PREFIXES = frozenset({"11", "22", "33", "88"})
_SEPARATORS = re.compile(r"[\s\-.]")


def neq_normalize(value: str) -> str:
    """ "1176 786 565" and "1176-786-565" both become "1176786565"."""
    return _SEPARATORS.sub("", value or "")


def validate_neq(value: str) -> None:
    digits = neq_normalize(value)
    if not digits.isdigit() or len(digits) != 10:
        raise ValidationError(
            _("A Québec enterprise number (NEQ) has exactly 10 digits."), code="neq_length"
        )
    if digits[:2] not in NEQ_PREFIXES:
        raise ValidationError(
            _("A Québec enterprise number (NEQ) starts with 11, 22, 33 or 88."), code="neq_prefix"
        )
