from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from maillage.accounts.models import TEAM_ROLES, Role
from maillage.accounts.permissions import role_required
from maillage.core.choices import VerificationStatus
from maillage.core.pagination import page_of
from maillage.core.verification import verification_decision_read
from maillage.employers import selectors, services
from maillage.employers.forms import (
    CompanyForm,
    DecisionForm,
    EmployerSignupForm,
    InvitationAcceptForm,
    InvitationForm,
    PostingForm,
)
from maillage.employers.models import CompanyInvitation, CompanyMember
from maillage.taxonomy.selectors import permits_by_code

employer_required = role_required(Role.EMPLOYER)
team_required = role_required(*TEAM_ROLES)

POSTING_FIELDS = [
    name
    for name in PostingForm.Meta.fields
    if name not in {"must_haves", "required_skills", "nice_to_have_skills", "esco_skills"}
]


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("site:dashboard")
    account_form = EmployerSignupForm(request.POST or None, prefix="account")
    company_form = CompanyForm(request.POST or None, prefix="company")
    if request.method == "POST" and account_form.is_valid() and company_form.is_valid():
        services.employer_signup(
            email=account_form.cleaned_data["email"],
            password=account_form.cleaned_data["password1"],
            full_name=account_form.cleaned_data["full_name"],
            language=get_language() or "fr",
            company_fields={
                name: company_form.cleaned_data[name] for name in CompanyForm.Meta.fields
            },
        )
        return redirect("accounts:email-confirmation-sent")
    return render(
        request,
        "employers/signup.html",
        {"account_form": account_form, "company_form": company_form},
    )


@employer_required
def company(request: HttpRequest) -> HttpResponse:
    current = selectors.company_of(request.user)
    return render(
        request,
        "employers/company.html",
        {
            "company": current,
            "members": current.members.select_related("user").order_by("joined_at"),
            "invitations": current.invitations.filter(accepted_at__isnull=True).order_by(
                "-created_at"
            ),
            "invitation_form": InvitationForm(),
            "postings": selectors.company_postings(current)[:5],
            "is_owner": request.user.company_membership.role == CompanyMember.MemberRole.OWNER,
        },
    )


@employer_required
@require_http_methods(["GET", "POST"])
def company_edit(request: HttpRequest) -> HttpResponse:
    current = selectors.company_of(request.user)
    form = CompanyForm(request.POST or None, instance=current)
    confirmation = ""
    if request.method == "POST" and form.is_valid():
        changes = {n: form.cleaned_data[n] for n in CompanyForm.Meta.fields}
        confirmed = request.POST.get("confirm_identity_change") == "1"
        confirmation = services.company_identity_change_notice(company=current, changes=changes)
        if confirmed or not confirmation:
            services.company_update(
                company=current, changes=changes, confirm_identity_change=confirmed
            )
            messages.success(request, _("The company is saved."))
            return redirect("employers:company")
    return render(
        request,
        "employers/form_page.html",
        {
            "form": form,
            "title": _("Edit the company"),
            "back": "employers:company",
            "confirmation": confirmation,
        },
    )


@employer_required
@require_POST
def invitation_send(request: HttpRequest) -> HttpResponse:
    current = selectors.company_of(request.user)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            services.company_invitation_send(
                company=current, email=form.cleaned_data["email"], by=request.user
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("The invitation is sent."))
    else:
        messages.error(request, _("Enter a valid e-mail address."))
    return redirect("employers:company")


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token) -> HttpResponse:
    invitation = get_object_or_404(
        CompanyInvitation.objects.select_related("company"), token=token, accepted_at__isnull=True
    )
    form = InvitationAcceptForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.company_invitation_accept(
                invitation=invitation,
                full_name=form.cleaned_data["full_name"],
                password=form.cleaned_data["password1"],
                language=get_language() or "fr",
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Your account is created. Log in with your e-mail address.")
            )
            return redirect("accounts:login")
    status = 400 if form.errors else 200
    return render(
        request,
        "employers/invitation_accept.html",
        {"form": form, "invitation": invitation},
        status=status,
    )


@employer_required
def posting_list(request: HttpRequest) -> HttpResponse:
    current = selectors.company_of(request.user)
    return render(
        request,
        "employers/posting_list.html",
        {"company": current, "postings": selectors.company_postings(current)},
    )


@employer_required
@require_http_methods(["GET", "POST"])
def posting_create(request: HttpRequest) -> HttpResponse:
    current = selectors.company_of(request.user)
    if not current.is_verified:
        messages.error(
            request, _("Your company must be verified by an advisor before you create postings.")
        )
        return redirect("employers:company")
    form = PostingForm(request.POST or None, initial={"municipality": current.municipality_id})
    if request.method == "POST" and form.is_valid():
        posting = services.posting_create(
            company=current,
            by=request.user,
            fields={name: form.cleaned_data[name] for name in POSTING_FIELDS},
            required_skills=form.cleaned_data["required_skills"],
            nice_skills=form.cleaned_data["nice_to_have_skills"],
            skill_uris=form.esco_uris,
            must_haves=form.cleaned_data["must_haves"],
        )
        messages.success(
            request, _("The posting is saved as a draft. Publish it when it is ready.")
        )
        return redirect("employers:posting-detail", public_id=posting.public_id)
    return render(
        request, "employers/posting_form.html", {"form": form, "title": _("New job posting")}
    )


@employer_required
@require_http_methods(["GET", "POST"])
def posting_edit(request: HttpRequest, public_id) -> HttpResponse:
    posting = selectors.posting_of_company(selectors.company_of(request.user), public_id)
    form = PostingForm(request.POST or None, instance=posting)
    if request.method == "POST" and form.is_valid():
        try:
            services.posting_update(
                posting=posting,
                fields={name: form.cleaned_data[name] for name in POSTING_FIELDS},
                required_skills=form.cleaned_data["required_skills"],
                nice_skills=form.cleaned_data["nice_to_have_skills"],
                skill_uris=form.esco_uris,
                must_haves=form.cleaned_data["must_haves"],
            )
        except services.PostingTransitionError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("The posting is saved."))
        return redirect("employers:posting-detail", public_id=posting.public_id)
    return render(
        request,
        "employers/posting_form.html",
        {"form": form, "title": _("Edit the posting"), "posting": posting},
    )


def posting_detail(request: HttpRequest, public_id) -> HttpResponse:
    posting = selectors.posting_for_viewer(public_id, request.user)
    membership = (
        getattr(request.user, "company_membership", None) if request.user.is_authenticated else None
    )
    is_member = membership is not None and membership.company_id == posting.company_id
    permits = (
        list(permits_by_code(posting.required_permits).values()) if posting.required_permits else []
    )
    return render(
        request,
        "employers/posting_detail.html",
        {
            "posting": posting,
            "is_member": is_member,
            "permits": permits,
            "region_warning": services.posting_region_warning(posting) if is_member else "",
        },
    )


@employer_required
@require_POST
def posting_transition(request: HttpRequest, public_id, action: str) -> HttpResponse:
    posting = selectors.posting_of_company(selectors.company_of(request.user), public_id)
    try:
        if action == "publish":
            services.posting_publish(
                posting=posting,
                today=timezone.localdate(),
                confirm_unserved_region=request.POST.get("confirm_unserved_region") == "1",
            )
            messages.success(request, _("The posting is published."))
        elif action in {"fill", "close"}:
            services.posting_close(posting=posting, filled=action == "fill")
            if action == "fill":
                messages.success(request, _("The posting is marked as filled."))
            else:
                messages.success(request, _("The posting is closed."))
        else:
            raise services.PostingTransitionError(_("Unknown action."))
    except services.PostingTransitionError as error:
        messages.error(request, error.messages[0])
    return redirect("employers:posting-detail", public_id=posting.public_id)


@team_required
def verification_queue(request: HttpRequest) -> HttpResponse:
    page = page_of(request, selectors.companies_awaiting_verification())
    return render(
        request,
        "employers/verification_queue.html",
        {"companies": page.object_list, "page": page},
    )


@team_required
def company_review(request: HttpRequest, public_id) -> HttpResponse:
    return render(
        request,
        "employers/company_review.html",
        {"company": selectors.company_for_review(public_id), "decision_form": DecisionForm()},
    )


@role_required(Role.ADVISOR)
@require_POST
def company_decide(request: HttpRequest, public_id) -> HttpResponse:
    current = selectors.company_for_review(public_id)
    decision = verification_decision_read(
        request,
        DecisionForm(request.POST),
        refusal_needs_reason=_("Say why you refuse: the company will read it."),
    )
    if decision is None:
        return redirect("employers:company-review", public_id=public_id)
    status, note = decision
    if status == VerificationStatus.VERIFIED:
        services.company_verify(company=current, by=request.user, note=note)
        messages.success(request, _("The company is verified."))
    else:
        services.company_refuse(company=current, by=request.user, reason=note)
        messages.success(request, _("The refusal is recorded and the company is told why."))
    return redirect("employers:verification-queue")
