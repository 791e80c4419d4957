"""Every error the API returns is JSON {"code", "message"} (plus "errors" for invalid input),
with the message in the caller's language (Accept-Language; French by default)."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError

# The error statuses the API answers with, all documented with the ErrorOut shape.
ERROR_STATUSES = frozenset({400, 401, 403, 404, 405, 409, 413, 415, 422, 429})


class FieldErrorOut(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    code: str
    message: str
    errors: list[FieldErrorOut] = []


class ApiError(HttpError):
    """Raised by handlers: a status, a stable code for programs, a translated message for people."""

    def __init__(self, status_code: int, code: str, message: str) -> None:
        super().__init__(status_code, message)
        self.code = code


def _respond(
    api: NinjaAPI, request: HttpRequest, status: int, code: str, message: str, errors=()
) -> HttpResponse:
    body = {
        "code": code,
        "message": str(message),
        "errors": [{"field": f, "message": str(m)} for f, m in errors],
    }
    return api.create_response(request, body, status=status)


def _field_name(location: tuple) -> str:
    # ("body", "payload", "salary_min") -> "salary_min"; ("query", "page") -> "page"
    parts = [
        str(part)
        for part in location
        if part not in {"body", "query", "path", "payload", "filters"}
    ]
    return ".".join(parts) or "request"


def install_error_handlers(api: NinjaAPI) -> None:
    def api_error(request, exc: ApiError):
        return _respond(api, request, exc.status_code, exc.code, exc.message)

    def invalid_input(request, exc: NinjaValidationError):
        errors = [(_field_name(tuple(e.get("loc", ()))), e.get("msg", "")) for e in exc.errors]
        return _respond(
            api,
            request,
            422,
            "invalid",
            _("The request is not valid: see the errors of each field."),
            errors,
        )

    def invalid_data(request, exc: DjangoValidationError):
        if hasattr(exc, "error_dict"):
            errors = [
                (field, message)
                for field, messages in exc.message_dict.items()
                for message in messages
            ]
        else:
            errors = [("request", message) for message in exc.messages]
        return _respond(
            api,
            request,
            422,
            "invalid",
            _("The request is not valid: see the errors of each field."),
            errors,
        )

    def unauthenticated(request, exc):
        return _respond(
            api,
            request,
            401,
            "unauthenticated",
            _("Authentication required: send an API token (Authorization: Bearer …) or log in."),
        )

    def forbidden(request, exc):
        return _respond(api, request, 403, "forbidden", _("You may not do this."))

    def not_found(request, exc):
        return _respond(api, request, 404, "not_found", _("Nothing was found at this address."))

    def throttled(request, exc: Throttled):
        response = _respond(
            api, request, 429, "throttled", _("Too many requests. Wait a moment and try again.")
        )
        if exc.wait:
            response["Retry-After"] = str(int(exc.wait) + 1)
        return response

    def http_error(request, exc: HttpError):
        if exc.status_code == 403 and "CSRF" in str(exc):
            return _respond(
                api,
                request,
                403,
                "csrf_failed",
                _(
                    "The site's security token (CSRF) is missing or wrong: reload the page and try again."
                ),
            )
        code, message = {
            403: ("forbidden", _("You may not do this.")),
            404: ("not_found", _("Nothing was found at this address.")),
            405: ("method_not_allowed", _("This method is not allowed here.")),
        }.get(exc.status_code, ("error", str(exc)))
        return _respond(api, request, exc.status_code, code, message)

    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(ApiError, api_error)
    api.add_exception_handler(NinjaValidationError, invalid_input)
    api.add_exception_handler(DjangoValidationError, invalid_data)
    api.add_exception_handler(AuthenticationError, unauthenticated)
    api.add_exception_handler(AuthorizationError, forbidden)
    api.add_exception_handler(PermissionDenied, forbidden)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(Throttled, throttled)
