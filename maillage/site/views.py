from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render

from maillage.accounts.models import Role
from maillage.accounts.permissions import role_required
from maillage.site import selectors


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "site/home.html", {"figures": selectors.public_figures()})


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Each role's home: the page where its work starts."""
    role = request.user.role
    if role == Role.CANDIDATE:
        return redirect("candidates:profile")
    if role == Role.EMPLOYER:
        return redirect("employers:company")
    return redirect("site:team-home")


@role_required(Role.ADVISOR, Role.MANAGER, Role.PARTNER)
def team_home(request: HttpRequest) -> HttpResponse:
    return render(request, "site/team_home.html", {"queues": selectors.team_queue_counts()})


def about_data(request: HttpRequest) -> HttpResponse:
    return render(request, "site/about_data.html")


def health(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: 503 with a clear message and Retry-After while the database does not answer
    (restart, failover), 500 otherwise. Neither page touches the database."""
    import sys

    from django.db import DatabaseError, InterfaceError, OperationalError
    from django.template import loader

    error = sys.exc_info()[1]
    unavailable = isinstance(error, OperationalError | InterfaceError) or (
        isinstance(error, DatabaseError) and "connection" in str(error).lower()
    )
    if unavailable:
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse(loader.get_template("500.html").render(), status=500)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)
