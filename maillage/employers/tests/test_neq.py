import pytest
from django.core.exceptions import ValidationError

from maillage.employers.neq import neq_normalize, validate_neq


@pytest.mark.parametrize(
    "value",
    ["1176786565", "1176 786 565", "1176-786-565", "2212345678", "3312345678", "8812345678"],
)
def test_valid_neq(value):
    validate_neq(value)


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("117678656", "neq_length"),
        ("11767865651", "neq_length"),
        ("11767865AB", "neq_length"),
        ("", "neq_length"),
        ("4412345678", "neq_prefix"),
    ],
)
def test_invalid_neq_says_why(value, code):
    with pytest.raises(ValidationError) as error:
        validate_neq(value)
    assert error.value.code == code


def test_separators_are_removed():
    assert neq_normalize(" 1176 786-565 ") == "1176786565"
