from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from maillage.accounts import services
from maillage.accounts.forms import (
    LanguageForm,
    LockoutPasswordChangeForm,
    LoginForm,
    ResendConfirmationForm,
)
from maillage.accounts.mail_limits import mail_request_allowed
from maillage.accounts.models import User
from maillage.accounts.tokens import email_confirmation_user

TOO_MANY_MAILS = gettext_lazy(
    "We already sent several messages for this address or from your connection. Check your "
    "inbox and your junk mail, or try again in an hour."
)


def locked_out(
    request: HttpRequest, response: HttpResponse | None = None, credentials: dict | None = None
) -> HttpResponse:
    """What django-axes shows after too many wrong passwords: HTTP 429, in the person's language."""
    return render(
        request,
        "accounts/locked_out.html",
        {
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
            "is_address_locked": getattr(request, "maillage_ip_locked", False),
        },
        status=429,
    )


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


def email_confirmation_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/email_confirmation_sent.html")


@require_http_methods(["GET", "POST"])
def email_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button; only the POST confirms (mail scanners follow links)."""
    if request.method == "POST":
        user = services.email_confirm(token=token)
    else:
        user = email_confirmation_user(token)
    if user is None:
        return render(request, "accounts/email_confirm_invalid.html", status=400)
    if request.method == "GET":
        return render(request, "accounts/email_confirm.html", {"confirm_user": user})
    # The link logs in once, right after sign-up, unless the account is locked out.
    if not AxesProxyHandler.is_allowed(request, {settings.AXES_USERNAME_FORM_FIELD: user.email}):
        messages.success(request, _("Your e-mail address is confirmed. You can log in."))
        return redirect("accounts:login")
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(request, _("Your e-mail address is confirmed. Welcome to Maillage!"))
    return redirect("site:dashboard")


@require_http_methods(["GET", "POST"])
def email_confirmation_resend(request: HttpRequest) -> HttpResponse:
    form = ResendConfirmationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if not mail_request_allowed(request, kind="confirmation", email=email):
            form.add_error(None, TOO_MANY_MAILS)
            return render(
                request, "accounts/email_confirmation_resend.html", {"form": form}, status=429
            )
        user = User.objects.filter(email__iexact=email).first()
        if user is not None and not user.has_confirmed_email:
            services.email_confirmation_send(user=user)
        # Same answer whether or not the address exists: nobody learns who has an account.
        return redirect("accounts:email-confirmation-sent")
    return render(request, "accounts/email_confirmation_resend.html", {"form": form})


def privacy_notice(request: HttpRequest) -> HttpResponse:
    language = "en" if get_language() == "en" else "fr"
    return render(
        request,
        f"accounts/privacy_notice_{language}.html",
        {"notice_version": settings.PRIVACY_NOTICE_VERSION},
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_settings(request: HttpRequest) -> HttpResponse:
    form = LanguageForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_language_set(
            user=request.user,
            language=form.cleaned_data["language"],
            time_zone=form.cleaned_data["time_zone"],
        )
        messages.success(request, _("Your preferences are saved."))
        return redirect("accounts:settings")
    return render(request, "accounts/settings.html", {"form": form})


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-done")

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        if not mail_request_allowed(self.request, kind="password-reset", email=email):
            form.add_error(None, TOO_MANY_MAILS)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:login")

    def form_valid(self, form):
        messages.success(self.request, _("Your password is changed. You can log in."))
        return super().form_valid(form)


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = LockoutPasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:settings")

    def get_form_kwargs(self) -> dict:
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        messages.success(self.request, _("Your password is changed."))
        return super().form_valid(form)
