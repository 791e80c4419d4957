"""The employer's short lists: only approved, consenting candidates for its own postings, with
only what each candidate shared. Each candidate page opened is written to the audit log."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.accounts.models import Role
from maillage.accounts.permissions import role_required
from maillage.accounts.services import profile_view_record
from maillage.employers.selectors import company_of
from maillage.matching.selectors import reason_vocabulary
from maillage.prequalification import selectors, services
from maillage.prequalification.comparison import requirement_rows, rows_met
from maillage.prequalification.explanations import reason_sentences
from maillage.prequalification.forms import EmployerDeclineForm
from maillage.prequalification.models import Proposal, ProposalStatus

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
    proposals = list(selectors.shortlist_of_posting(posting))
    vocabulary = reason_vocabulary(proposals)
    for proposal in proposals:
        proposal.reason_texts = reason_sentences(proposal, vocabulary=vocabulary)[:3]
    return render(
        request,
        "prequalification/shortlist_posting.html",
        {"posting": posting, "proposals": proposals},
    )


def _candidate_page(
    request: HttpRequest,
    proposal: Proposal,
    *,
    decline_form: EmployerDeclineForm | None = None,
    status: int = 200,
) -> HttpResponse:
    profile = selectors.profile_for_comparison(proposal.candidate_id)
    rows = requirement_rows(posting=proposal.posting, profile=profile, today=timezone.localdate())
    shared = ", ".join(proposal.shared_sections) or "name and requirements only"
    profile_view_record(
        viewer=request.user,
        subject=profile.user,
        what=f"shared profile for {proposal.posting.title} ({shared})",
    )
    return render(
        request,
        "prequalification/shortlist_candidate.html",
        {
            "proposal": proposal,
            "profile": profile,
            "rows": rows,
            "rows_met": rows_met(rows),
            "reasons": reason_sentences(proposal),
            "decline_form": decline_form or EmployerDeclineForm(),
            "is_shortlisted": proposal.status == ProposalStatus.SHORTLISTED,
            "interviews": proposal.interviews.order_by("round"),
        },
        status=status,
    )


@employer_required
def shortlist_candidate(request: HttpRequest, public_id) -> HttpResponse:
    return _candidate_page(request, selectors.proposal_for_employer(request.user, public_id))


@employer_required
@require_POST
def shortlist_decline(request: HttpRequest, public_id) -> HttpResponse:
    proposal = selectors.proposal_for_employer(request.user, public_id)
    form = EmployerDeclineForm(request.POST)
    if not form.is_valid():
        return _candidate_page(request, proposal, decline_form=form, status=400)
    try:
        services.proposal_employer_decline(
            proposal=proposal,
            by=request.user,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        )
    except services.ProposalError as error:
        form.add_error(None, error)
        return _candidate_page(request, proposal, decline_form=form, status=400)
    messages.success(request, _("The candidate is told that you do not continue."))
    return redirect("prequalification:shortlist-posting", public_id=proposal.posting.public_id)
