"""Who is calling: a machine client with a token (Authorization: Bearer mlg_…), or the site with
its session cookie (CSRF checked on writes). Throttles count per person, or per address."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer, SessionAuth
from ninja.throttling import AnonRateThrottle, SimpleRateThrottle

from maillage.accounts.models import User
from maillage.api import selectors
from maillage.api.errors import ApiError
from maillage.api.services import api_token_user
from maillage.employers.models import Company


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = api_token_user(token)
        if user is not None:
            request.user = user
        return user


class PersonSessionAuth(SessionAuth):
    """The site's session; only active people."""

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        user = super().authenticate(request, key)
        return user if user is not None and user.is_active else None


PERSON_AUTH = [TokenAuth(), PersonSessionAuth()]


def company_of_caller(request: HttpRequest) -> Company:
    """The caller's company, or 403 for anyone who is not a company's member."""
    company = selectors.employer_company(request.auth)
    if company is None:
        raise ApiError(
            403, "not_employer", _("Only the members of a company may use this endpoint.")
        )
    return company


class PersonRateThrottle(SimpleRateThrottle):
    scope = "person"

    def get_cache_key(self, request: HttpRequest) -> str | None:
        if getattr(request, "auth", None) is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}


def throttles() -> list[SimpleRateThrottle]:
    return [
        AnonRateThrottle(settings.API_RATE_ANONYMOUS),
        PersonRateThrottle(settings.API_RATE_PERSON),
    ]
