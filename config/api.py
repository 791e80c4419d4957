"""The HTTP API, version 1, at /api/v1/ (OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs)."""

from csp.decorators import csp_update
from ninja import NinjaAPI

from maillage.api.auth import throttles
from maillage.api.errors import install_error_handlers
from maillage.api.routers import employer, me, postings, shortlists

DESCRIPTION = """
Maillage's JSON API. Published postings are open to anyone; the other endpoints act as a person:
send `Authorization: Bearer <token>` with a token created on your account page, or use the site's
session (with its CSRF token on writes). Errors are `{"code", "message", "errors"}`, with the
message in the language of `Accept-Language` (French by default). Lists are paginated with
`page` and `page_size` (at most 100). Rate limits answer 429 with `Retry-After`.
"""

api = NinjaAPI(
    title="Maillage API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    docs_url="/docs",
    throttle=throttles(),
    # Swagger UI (served from our static files) sets inline styles.
    docs_decorator=csp_update({"style-src": ["'unsafe-inline'"]}),
)
install_error_handlers(api)
api.add_router("/", postings.router)
api.add_router("/employer", employer.router)
api.add_router("/employer", shortlists.router)
api.add_router("/", me.router)
