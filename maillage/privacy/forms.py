from django import forms
from django.utils.translation import gettext_lazy as _

from maillage.accounts.forms import PasswordRecheckForm


class AccountDeleteForm(PasswordRecheckForm):
    is_understood = forms.BooleanField(
        label=_(
            "I understand that my account and my personal data will be erased, and that this cannot be undone."
        ),
        error_messages={"required": _("Tick the box to confirm.")},
    )
