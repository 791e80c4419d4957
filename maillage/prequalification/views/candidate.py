"""The candidate's pages: their proposals, why they were proposed, their consent and what they
share, the withdrawal of consent and the request for a human review."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.accounts.models import Role
from maillage.accounts.permissions import role_required
from maillage.prequalification import selectors, services
from maillage.prequalification.comparison import requirement_rows, rows_met
from maillage.prequalification.explanations import CANDIDATE, reason_sentences
from maillage.prequalification.forms import ConsentForm, ReviewRequestForm
from maillage.prequalification.models import Proposal, ProposalStatus, ReviewStatus
from maillage.prequalification.services.reviews import REVIEWABLE_STATUSES

candidate_required = role_required(Role.CANDIDATE)


@candidate_required
def mine(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "prequalification/mine.html",
        {"proposals": selectors.proposals_of_candidate(request.user)},
    )


def _mine_page(
    request: HttpRequest,
    proposal: Proposal,
    *,
    consent_form: ConsentForm | None = None,
    review_form: ReviewRequestForm | None = None,
    is_confirming_decline: bool = False,
    status: int = 200,
) -> HttpResponse:
    profile = selectors.profile_for_comparison(proposal.candidate_id)
    rows = requirement_rows(posting=proposal.posting, profile=profile, today=timezone.localdate())
    reviews = list(proposal.review_requests.all())
    has_open_review = any(review.status == ReviewStatus.OPEN for review in reviews)
    return render(
        request,
        "prequalification/mine_detail.html",
        {
            "proposal": proposal,
            "rows": rows,
            "rows_met": rows_met(rows),
            "reasons": reason_sentences(proposal, audience=CANDIDATE),
            "consent_form": consent_form or ConsentForm(),
            "review_form": review_form or ReviewRequestForm(),
            "reviews": reviews,
            "is_asked": proposal.status == ProposalStatus.CONSENT_REQUESTED,
            "is_confirming_decline": is_confirming_decline,
            "undo_minutes": int(services.DECLINE_UNDO_WINDOW.total_seconds() // 60),
            "can_undo_decline": (deadline := services.decline_undo_deadline(proposal)) is not None
            and deadline > timezone.now(),
            "can_withdraw": proposal.status in services.WITHDRAWABLE_STATUSES,
            "can_ask_review": proposal.status in REVIEWABLE_STATUSES and not has_open_review,
            "interviews": proposal.interviews.order_by("round"),
        },
        status=status,
    )


@candidate_required
def mine_detail(request: HttpRequest, public_id) -> HttpResponse:
    return _mine_page(request, selectors.proposal_of_candidate(request.user, public_id))


@candidate_required
@require_POST
def mine_consent(request: HttpRequest, public_id) -> HttpResponse:
    proposal = selectors.proposal_of_candidate(request.user, public_id)
    form = ConsentForm(request.POST)
    decision = request.POST.get("decision")
    if decision not in {"accept", "decline"}:
        form.is_valid()
        form.add_error(None, _("Choose “I accept” or “I decline”."))
        return _mine_page(request, proposal, consent_form=form, status=400)
    if not form.is_valid():
        return _mine_page(request, proposal, consent_form=form, status=400)
    if decision == "decline" and request.POST.get("confirmed") != "yes":
        # A refusal is final: it is asked a second time, in words, before it is recorded.
        return _mine_page(request, proposal, consent_form=form, is_confirming_decline=True)
    try:
        services.proposal_consent_answer(
            proposal=proposal,
            by=request.user,
            accept=decision == "accept",
            shared_sections=form.cleaned_data["shared_sections"],
        )
    except services.ProposalError as error:
        form.add_error(None, error)
        return _mine_page(request, proposal, consent_form=form, status=400)
    messages.success(
        request,
        _("Thank you. Your profile is shared with the employer as you chose.")
        if decision == "accept"
        else _("Thank you. The employer will not see your profile."),
    )
    return redirect("prequalification:mine-detail", public_id=proposal.public_id)


@candidate_required
@require_POST
def mine_decline_undo(request: HttpRequest, public_id) -> HttpResponse:
    proposal = selectors.proposal_of_candidate(request.user, public_id)
    try:
        services.proposal_decline_undo(proposal=proposal, by=request.user)
    except services.ProposalError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, _("Your refusal is undone: the proposal waits for your answer again.")
        )
    return redirect("prequalification:mine-detail", public_id=proposal.public_id)


@candidate_required
@require_POST
def mine_withdraw(request: HttpRequest, public_id) -> HttpResponse:
    proposal = selectors.proposal_of_candidate(request.user, public_id)
    try:
        services.proposal_withdraw(proposal=proposal, by=request.user)
    except services.ProposalError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("Your consent is withdrawn: the employer no longer sees you."))
    return redirect("prequalification:mine-detail", public_id=proposal.public_id)


@candidate_required
@require_POST
def mine_review(request: HttpRequest, public_id) -> HttpResponse:
    proposal = selectors.proposal_of_candidate(request.user, public_id)
    form = ReviewRequestForm(request.POST)
    if not form.is_valid():
        return _mine_page(request, proposal, review_form=form, status=400)
    try:
        services.review_request_create(
            proposal=proposal, by=request.user, message=form.cleaned_data["message"]
        )
    except services.ProposalError as error:
        form.add_error(None, error)
        return _mine_page(request, proposal, review_form=form, status=400)
    messages.success(request, _("Your request is sent. An advisor will answer you."))
    return redirect("prequalification:mine-detail", public_id=proposal.public_id)
