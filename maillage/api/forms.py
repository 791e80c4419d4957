from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.accounts.forms import PasswordRecheckForm


class ApiTokenForm(PasswordRecheckForm):
    """A token opens the API as the person: creating one asks for the password again."""

    field_order = ["name", "password"]

    name = forms.CharField(
        label=_("Name of the token"),
        max_length=100,
        help_text=_("The tool that will use it, for example “Website of the chamber of commerce”."),
    )
