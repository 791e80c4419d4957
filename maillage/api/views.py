"""A person's API tokens: create one (shown once), see when each was last used, revoke."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from maillage.api import services
from maillage.api.forms import ApiTokenForm
from maillage.api.models import ApiToken


def _page(
    request: HttpRequest, form: ApiTokenForm, new_token: str = "", status: int = 200
) -> HttpResponse:
    return render(
        request,
        "api/token_list.html",
        {
            "form": form,
            "tokens": request.user.api_tokens.all(),
            "new_token": new_token,
            "lifetime_days": settings.API_TOKEN_LIFETIME_DAYS,
        },
        status=status,
    )


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def token_list(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        try:
            _token, raw = services.api_token_create(
                user=request.user, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            form.add_error("name", error)
        else:
            # Shown on this answer only: it is not stored anywhere we could show it from again.
            return _page(request, ApiTokenForm(request=request), new_token=raw, status=201)
    return _page(request, form, status=400 if form.errors else 200)


@login_required
@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.api_token_revoke(token=token, by=request.user)
    messages.success(
        request,
        _("The token “%(name)s” is revoked: it no longer opens the API.") % {"name": token.name},
    )
    return redirect("api-tokens:token-list")
