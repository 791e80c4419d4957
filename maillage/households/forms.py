from django import forms
from django.utils.translation import gettext_lazy as _


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Your partner's e-mail address"),
        max_length=254,
        help_text=_(
            "Your partner receives an e-mail and answers from their own candidate account. "
            "Nothing is linked until they accept."
        ),
    )
