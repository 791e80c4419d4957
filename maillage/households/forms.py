from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.core.forms import StyledForm


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Your partner's e-mail address"),
        max_length=254,
        help_text=_(
            "Your partner receives an e-mail and answers from their own candidate account. "
            "Nothing is linked until they accept."
        ),
    )


class SearchShareForm(StyledForm):
    """One person's own choice: may their partner's employers read the work they look for."""

    share = forms.TypedChoiceField(
        label=_("May these employers read this line about you?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect(attrs={"class": "choice-list"}),
        error_messages={
            "required": _("Choose “Yes” or “No”."),
            "invalid_choice": _("Choose “Yes” or “No”."),
        },
    )
