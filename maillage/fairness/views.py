from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from maillage.accounts.models import Role
from maillage.accounts.permissions import role_required
from maillage.fairness import services
from maillage.fairness.forms import DeclarationForm
from maillage.fairness.models import AuditDeclaration
from maillage.fairness.report import as_text, tables
from maillage.fairness.selectors import audit_report


@never_cache
@role_required(Role.CANDIDATE)
@require_http_methods(["GET", "POST"])
def declaration(request: HttpRequest) -> HttpResponse:
    candidate = request.user.candidate_profile
    current = AuditDeclaration.objects.filter(candidate=candidate).first()
    form = DeclarationForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        services.declaration_save(candidate=candidate, values=form.cleaned_data)
        messages.success(
            request, _("Thank you. Your answers are saved for the fairness audit only.")
        )
        return redirect("privacy:center")
    return render(
        request,
        "fairness/declaration.html",
        {"form": form, "has_declaration": current is not None},
        status=400 if form.errors else 200,
    )


@role_required(Role.CANDIDATE)
@require_POST
def declaration_delete(request: HttpRequest) -> HttpResponse:
    services.declaration_delete(candidate=request.user.candidate_profile)
    messages.success(request, _("Your answers are deleted and your consent withdrawn."))
    return redirect("privacy:center")


@role_required(Role.MANAGER)
def audit(request: HttpRequest) -> HttpResponse:
    report = audit_report()
    return render(request, "fairness/audit.html", {"report": report, "tables": tables(report)})


@role_required(Role.MANAGER)
def audit_download(request: HttpRequest) -> HttpResponse:
    """The audit as Markdown, the same file `manage.py fairness_audit` writes."""
    response = HttpResponse(as_text(audit_report()), content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="fairness-audit.md"'
    return response
