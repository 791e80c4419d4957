"""A person's privacy page (Law 25): consents, who saw their record, their data, erasure."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from maillage.accounts.models import ConsentPurpose, PrivacyConsent
from maillage.accounts.services import privacy_consent_withdraw
from maillage.privacy import services
from maillage.privacy.forms import AccountDeleteForm

# Pages of other apps this page points to, shown once they exist: (url name, label, roles).
RELATED_PAGES = [
    (
        "prequalification:mine",
        gettext_lazy(
            "Why I was proposed or not proposed for a job, and how to ask a person to review a decision"
        ),
        {"candidate"},
    ),
    (
        "fairness:declaration",
        gettext_lazy("Optional information for the fairness audit"),
        {"candidate"},
    ),
    ("api-tokens:token-list", gettext_lazy("Programs that may use my account (API tokens)"), None),
]
RECENT_VIEWS = 20


def _related_pages(role: str) -> list[tuple[str, str]]:
    pages = []
    for name, label, roles in RELATED_PAGES:
        if roles is not None and role not in roles:
            continue
        try:
            pages.append((reverse(name), str(label)))
        except NoReverseMatch:
            continue
    return pages


def _page(request: HttpRequest, delete_form: AccountDeleteForm, status: int = 200) -> HttpResponse:
    user = request.user
    return render(
        request,
        "privacy/center.html",
        {
            "consents": user.consents.order_by("-given_at"),
            "required_purpose": ConsentPurpose.PRIVACY_NOTICE,
            "views": user.profile_views_received.select_related("viewer").order_by("-viewed_at")[
                :RECENT_VIEWS
            ],
            "view_count": user.profile_views_received.count(),
            "related_pages": _related_pages(user.role),
            "delete_form": delete_form,
        },
        status=status,
    )


@never_cache
@login_required
def center(request: HttpRequest) -> HttpResponse:
    return _page(request, AccountDeleteForm(request=request))


@never_cache
@login_required
def export(request: HttpRequest) -> HttpResponse:
    data = services.personal_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"maillage-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_POST
def consent_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    consent = get_object_or_404(PrivacyConsent, pk=pk, user=request.user, withdrawn_at__isnull=True)
    if consent.purpose == ConsentPurpose.PRIVACY_NOTICE:
        messages.error(
            request,
            _("This consent is needed to hold an account: to withdraw it, delete your account."),
        )
        return redirect("privacy:center")
    privacy_consent_withdraw(consent=consent, by=request.user)
    messages.success(
        request, _("Your consent is withdrawn. We no longer use your data for this purpose.")
    )
    return redirect("privacy:center")


@login_required
@require_http_methods(["POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    form = AccountDeleteForm(request.POST, request=request)
    if not form.is_valid():
        return _page(request, form, status=400)
    services.account_erase(user=request.user)
    logout(request)
    messages.success(
        request,
        _("Your account is deleted and your personal data erased. Thank you for using Maillage."),
    )
    return redirect("site:home")
