from django.contrib.auth import views as auth_views
from django.urls import path

from maillage.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("confirm/sent/", views.email_confirmation_sent, name="email-confirmation-sent"),
    path("confirm/resend/", views.email_confirmation_resend, name="email-confirmation-resend"),
    path("confirm/<str:token>/", views.email_confirm, name="email-confirm"),
    path("privacy/", views.privacy_notice, name="privacy-notice"),
    path("settings/", views.account_settings, name="settings"),
    path("password/change/", views.PasswordChangeView.as_view(), name="password-change"),
    path("password/reset/", views.PasswordResetView.as_view(), name="password-reset"),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password-reset-done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
]
