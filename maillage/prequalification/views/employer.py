"""The employer's short lists: only approved, consenting candidates for its own postings, with
only what each candidate shared. Each candidate page opened is written to the audit log."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from maillage.accounts.models import Role
from maillage.accounts.permissions import role_required
from maillage.accounts.services import profile_view_record, profile_views_record
from maillage.employers.selectors import company_of
from maillage.prequalification import selectors, services
from maillage.prequalification.forms import EmployerDeclineForm
from maillage.prequalification.models import ProposalStatus, shared_sections_text
from maillage.prequalification.sharing import PARTNER_SEARCH_READ

employer_required = role_required(Role.EMPLOYER)


@employer_required
def shortlist(request: HttpRequest) -> HttpResponse:
    company = company_of(request.user)
    return render(
        request,
        "prequalification/shortlist.html",
        {"company": company, "postings": selectors.company_postings_with_shortlists(company)},
    )


@employer_required
def shortlist_posting(request: HttpRequest, public_id) -> HttpResponse:
    posting = selectors.posting_of_employer(request.user, public_id)
    candidates = selectors.shared_profiles_of_posting(posting, today=timezone.localdate())
    return render(
        request,
        "prequalification/shortlist_posting.html",
        {"posting": posting, "candidates": candidates},
    )


def _candidate_page(
    request: HttpRequest,
    public_id,
    *,
    decline_form: EmployerDeclineForm | None = None,
    status: int = 200,
) -> HttpResponse:
    shared = selectors.shared_profile_for_employer(
        request.user, public_id, today=timezone.localdate()
    )
    proposal = shared.proposal
    profile_view_record(
        viewer=request.user,
        subject=proposal.candidate.user,
        what=gettext_lazy("Profile shared for “%(posting)s”: %(sections)s"),
        params={
            "posting": proposal.posting.title,
            "sections": shared_sections_text(shared.sections),
        },
    )
    if shared.partner_search is not None:
        # The partner's work search is theirs: its reading goes to their own audit log.
        profile_views_record(
            viewer=request.user,
            subject_ids=[shared.partner_search.user_id],
            what=PARTNER_SEARCH_READ,
            params={"posting": proposal.posting.title},
        )
    return render(
        request,
        "prequalification/shortlist_candidate.html",
        {
            "proposal": proposal,
            "shared": shared,
            "rows": shared.requirements,
            "rows_met": shared.requirements_met,
            "reasons": [reason.text for reason in shared.reasons],
            "decline_form": decline_form or EmployerDeclineForm(),
            "is_shortlisted": proposal.status == ProposalStatus.SHORTLISTED,
            "interviews": proposal.interviews.order_by("round"),
        },
        status=status,
    )


@employer_required
def shortlist_candidate(request: HttpRequest, public_id) -> HttpResponse:
    return _candidate_page(request, public_id)


@employer_required
@require_POST
def shortlist_decline(request: HttpRequest, public_id) -> HttpResponse:
    proposal = selectors.proposal_for_employer(request.user, public_id)
    form = EmployerDeclineForm(request.POST)
    if not form.is_valid():
        return _candidate_page(request, public_id, decline_form=form, status=400)
    try:
        services.proposal_employer_decline(
            proposal=proposal,
            by=request.user,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        )
    except services.ProposalError as error:
        form.add_error(None, error)
        return _candidate_page(request, public_id, decline_form=form, status=400)
    messages.success(request, _("The candidate is told that you do not continue."))
    return redirect("prequalification:shortlist-posting", public_id=proposal.posting.public_id)
