from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import User
from maillage.core.forms import StyledForm


class AccountDeleteForm(StyledForm):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    is_understood = forms.BooleanField(
        label=_(
            "I understand that my account and my personal data will be erased, and that this cannot be undone."
        ),
        error_messages={"required": _("Tick the box to confirm.")},
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."), code="wrong_password")
        return password
