from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import User


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
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(
                _(
                    "An account already exists with this e-mail address. Log in or reset your password."
                ),
                code="duplicate_email",
            )
        return email

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
