from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from maillage.accounts.lockout import password_is_right
from maillage.accounts.models import User
from maillage.core.forms import StyledForm

WRONG_PASSWORD = _("This is not your password.")


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _(
            "This e-mail address and password do not match. Check both and try again."
        ),
        "inactive": _("This account is closed."),
        "email_not_confirmed": _(
            "Confirm your e-mail address first: open the link we sent you. "
            "No message? You can ask for a new link below."
        ),
    }

    def confirm_login_allowed(self, user: User) -> None:
        super().confirm_login_allowed(user)
        if not user.has_confirmed_email:
            raise ValidationError(
                self.error_messages["email_not_confirmed"], code="email_not_confirmed"
            )


class AccountFieldsForm(forms.Form):
    """The fields every sign-up form asks: name, e-mail, password twice, consent to the notice."""

    full_name = forms.CharField(
        label=_("Full name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters, not only digits, not a common password."),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    accepts_privacy_notice = forms.BooleanField(
        label=_(
            "I have read the privacy notice and I agree that Maillage processes my data as it describes."
        ),
        error_messages={"required": _("You must accept the privacy notice to create an account.")},
    )

    def clean_email(self) -> str:
        # An address that has an account is not refused here: that would tell anyone who has an
        # account. `accounts.services.user_create` e-mails its owner instead.
        return self.cleaned_data["email"].strip().lower()

    def clean(self) -> dict:
        cleaned = super().clean()
        password1, password2 = cleaned.get("password1"), cleaned.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error(
                "password2",
                ValidationError(_("The two passwords differ."), code="password_mismatch"),
            )
        elif password1:
            probe = User(email=cleaned.get("email", ""), full_name=cleaned.get("full_name", ""))
            try:
                password_validation.validate_password(password1, probe)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class ResendConfirmationForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))


class LanguageForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["language", "time_zone"]
        labels = {
            "language": _("Language of the messages we send you"),
            "time_zone": _("Your time zone"),
        }
        help_texts = {
            "time_zone": _(
                "Interview times are shown and sent in this time zone. Living abroad? Choose "
                "the nearest city, for example Paris or Casablanca."
            )
        }


class PasswordRecheckForm(StyledForm):
    """A form that asks for the person's password again before a sensitive action. The check
    counts in the login lockout (see maillage.accounts.lockout)."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, request: HttpRequest, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.user = request.user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not password_is_right(self.request, self.user, password):
            raise ValidationError(WRONG_PASSWORD, code="wrong_password")
        return password


class LockoutPasswordChangeForm(PasswordChangeForm):
    """Django's password change, with the old password checked through the login lockout."""

    def __init__(self, *args, request: HttpRequest, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean_old_password(self) -> str:
        old_password = self.cleaned_data["old_password"]
        if not password_is_right(self.request, self.user, old_password):
            raise ValidationError(WRONG_PASSWORD, code="password_incorrect")
        return old_password
