from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.core.forms import StyledForm


class ApiTokenForm(StyledForm):
    name = forms.CharField(
        label=_("Name of the token"),
        max_length=100,
        help_text=_("The tool that will use it, for example “Website of the chamber of commerce”."),
    )
