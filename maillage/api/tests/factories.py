import factory

from maillage.accounts.tests.factories import UserFactory
from maillage.api.models import ApiToken
from maillage.api.services import api_token_create


class ApiTokenFactory(factory.Factory):
    """Builds through the service; the raw token is on `token.raw` (only tests keep it)."""

    class Meta:
        model = ApiToken

    user = factory.SubFactory(UserFactory)
    name = "Site de la chambre"

    @classmethod
    def _create(cls, model_class, *, user, name, expires_at=None):
        token, raw = api_token_create(user=user, name=name)
        if expires_at is not None:
            token.expires_at = expires_at
            token.save(update_fields=["expires_at"])
        token.raw = raw
        return token

    _build = _create


def bearer(token: ApiToken) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token.raw}"}
