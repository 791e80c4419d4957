"""The program team's pages: the queue of proposals, a proposal's review, the postings and, for
each, one page with its proposals beside the engine's match results, review requests and the audit
log of profile views. Advisors decide; program managers read."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from maillage.accounts.models import TEAM_ROLES, Role
from maillage.accounts.permissions import role_required
from maillage.accounts.services import profile_view_record
from maillage.core.pagination import page_of
from maillage.households.selectors import partners_by_candidate
from maillage.matching import selectors as matching_selectors
from maillage.matching.explanations import TEAM
from maillage.matching.explanations.results import results_explained
from maillage.matching.models import ResultsPage
from maillage.matching.selectors import reason_vocabulary
from maillage.matching.views import StarsFilterForm, results_filter_query
from maillage.prequalification import selectors, services
from maillage.prequalification.calibration import (
    CALIBRATION_MIN_DECISIONS,
    CALIBRATION_MIN_EACH,
    decisions_count,
    queue_threshold,
)
from maillage.prequalification.comparison import requirement_rows, rows_met
from maillage.prequalification.explanations import reason_sentences
from maillage.prequalification.forms import (
    AddCandidateForm,
    ApproveForm,
    AuditFilterForm,
    BulkDecisionForm,
    QueueFilterForm,
    RejectForm,
    ReviewAnswerForm,
)
from maillage.prequalification.models import Proposal, ProposalStatus, ReviewStatus
from matchcore.engine.calibration import STAR_APPROVAL

team_required = role_required(*TEAM_ROLES)
advisor_required = role_required(Role.ADVISOR)

QUEUE_PAGE_SIZE = 50
QUEUE_FILTER_KEYS = ("status", "region", "chamber", "occupation", "sort", "candidate")
AUDIT_PAGE_SIZE = 100
# The engine's results on a posting's page (the team's view), a page at a time.
POSTING_RESULTS_PER_PAGE = 10


def _queue_page(request: HttpRequest, bulk_form: BulkDecisionForm | None, status: int = 200):
    params = request.GET if request.method == "GET" else request.POST
    filter_form = QueueFilterForm(
        {key: params.get(key, "") for key in QUEUE_FILTER_KEYS}
        if any(key in params for key in QUEUE_FILTER_KEYS)
        else {"status": ProposalStatus.PROPOSED, "sort": "-score"},
        occupations=selectors.queue_occupations(),
    )
    filters = selectors.QueueFilters()
    if filter_form.is_valid():
        data = filter_form.cleaned_data
        filters = selectors.QueueFilters(
            status=data["status"],
            region=data["region"].pk if data["region"] else None,
            chamber=data["chamber"].pk if data["chamber"] else None,
            occupation=data["occupation"] or None,
            sort=data["sort"] or "-score",
            candidate=data["candidate"],
        )
    page = Paginator(selectors.advisor_queue(filters), QUEUE_PAGE_SIZE).get_page(params.get("page"))
    vocabulary = reason_vocabulary(page.object_list)
    partners = partners_by_candidate(p.candidate_id for p in page.object_list)
    for proposal in page.object_list:
        proposal.reason_texts = reason_sentences(proposal, vocabulary=vocabulary)[:2]
        proposal.household_partner = partners.get(proposal.candidate_id)
    checked = set(request.POST.getlist("proposals")) if request.method == "POST" else set()
    return render(
        request,
        "prequalification/queue.html",
        {
            "filter_form": filter_form,
            "page": page,
            "bulk_form": bulk_form or BulkDecisionForm(),
            "checked": checked,
            "filter_query": urlencode(
                {key: value for key, value in filter_form.data.items() if value}
            ),
            "can_decide": request.user.role == Role.ADVISOR,
            "is_awaiting_filter": filters.status == ProposalStatus.PROPOSED,
        },
        status=status,
    )


@team_required
def queue(request: HttpRequest) -> HttpResponse:
    return _queue_page(request, None)


@advisor_required
@require_POST
def queue_decide(request: HttpRequest) -> HttpResponse:
    waiting = Proposal.objects.awaiting_review().filter(
        public_id__in=[value for value in request.POST.getlist("proposals") if len(value) == 36]
    )
    form = BulkDecisionForm(
        request.POST, proposal_ids=[p.public_id for p in waiting.only("public_id")]
    )
    if not form.is_valid():
        return _queue_page(request, form, status=400)
    chosen = list(waiting.filter(public_id__in=form.cleaned_data["proposals"]))
    try:
        count = services.proposals_decide_bulk(
            proposals=chosen,
            by=request.user,
            approve=form.cleaned_data["decision"] == "approve",
            reason=form.reason,
            note=form.cleaned_data["note"],
        )
    except services.ProposalError as error:
        form.add_error(None, error)
        return _queue_page(request, form, status=400)
    if form.cleaned_data["decision"] == "approve":
        text = ngettext(
            "%(count)d proposal approved: the candidate is asked for consent.",
            "%(count)d proposals approved: the candidates are asked for consent.",
            count,
        )
    else:
        text = ngettext("%(count)d proposal rejected.", "%(count)d proposals rejected.", count)
    messages.success(request, text % {"count": count})
    return redirect("prequalification:queue")


def _proposal_page(
    request: HttpRequest,
    proposal: Proposal,
    *,
    approve_form: ApproveForm | None = None,
    reject_form: RejectForm | None = None,
    status: int = 200,
) -> HttpResponse:
    profile = selectors.profile_for_comparison(proposal.candidate_id)
    rows = requirement_rows(posting=proposal.posting, profile=profile, today=timezone.localdate())
    profile_view_record(
        viewer=request.user,
        subject=profile.user,
        what=gettext_lazy("Proposal reviewed for “%(posting)s” (%(company)s)"),
        params={"posting": proposal.posting.title, "company": proposal.posting.company.legal_name},
    )
    return render(
        request,
        "prequalification/proposal_detail.html",
        {
            "proposal": proposal,
            "profile": profile,
            "rows": rows,
            "rows_met": rows_met(rows),
            "reasons": reason_sentences(proposal),
            "approve_form": approve_form or ApproveForm(prefix="approve"),
            "reject_form": reject_form or RejectForm(prefix="reject"),
            "can_decide": request.user.role == Role.ADVISOR
            and proposal.status == ProposalStatus.PROPOSED,
            "labels": proposal.labels.select_related("decided_by"),
            "reviews": proposal.review_requests.select_related("answered_by"),
        },
        status=status,
    )


@team_required
def proposal_detail(request: HttpRequest, public_id) -> HttpResponse:
    return _proposal_page(request, selectors.proposal_for_team(public_id))


@advisor_required
@require_POST
def proposal_decide(request: HttpRequest, public_id) -> HttpResponse:
    proposal = selectors.proposal_for_team(public_id)
    approve = request.POST.get("decision") == "approve"
    form = (ApproveForm if approve else RejectForm)(
        request.POST, prefix="approve" if approve else "reject"
    )
    forms = {"approve_form" if approve else "reject_form": form}
    if not form.is_valid():
        return _proposal_page(request, proposal, **forms, status=400)
    decide = services.proposal_approve if approve else services.proposal_reject
    try:
        decide(
            proposal=proposal,
            by=request.user,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        )
    except services.ProposalError as error:
        form.add_error(None, error)
        return _proposal_page(request, proposal, **forms, status=400)
    messages.success(
        request,
        _("Approved: the candidate is asked whether they share their profile.")
        if approve
        else _("The proposal is rejected."),
    )
    return redirect("prequalification:queue")


@team_required
def posting_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "prequalification/posting_list.html",
        {"postings": list(matching_selectors.postings_with_results()[:200])},
    )


def _posting_page(
    request: HttpRequest, posting, form: AddCandidateForm | None = None, status: int = 200
):
    """The posting's proposals, then the engine's match results beside them (each with whether
    it is already a proposal), then the form to propose someone the engine did not."""
    proposals = list(selectors.proposals_of_posting(posting))
    query = results_filter_query(
        request, ResultsPage.POSTING_CANDIDATES, list(StarsFilterForm.base_fields)
    )
    # The team starts from every admissible candidate (one star up), as the page always did.
    stars_form = StarsFilterForm(query or None, default_stars=1)
    page = page_of(
        request,
        matching_selectors.results_of_posting(
            posting, limit=settings.MATCHING_RESULTS_PER_POSTING, min_stars=stars_form.stars_floor()
        ),
        per_page=POSTING_RESULTS_PER_PAGE,
    )
    results = page.object_list
    for result in results:
        profile_view_record(
            viewer=request.user,
            subject=result.candidate.user,
            what=f"match results of {posting.title} ({posting.company.legal_name})",
        )
    proposal_of = {proposal.candidate_id: proposal for proposal in proposals}
    explained = results_explained(results, audience=TEAM, posting=posting)
    return render(
        request,
        "prequalification/posting_proposals.html",
        {
            "posting": posting,
            "proposals": proposals,
            "matches": [(item, proposal_of.get(item.result.candidate_id)) for item in explained],
            "stars_form": stars_form,
            "page": page,
            "is_filtered": bool(query),
            "min_stars": stars_form.stars_floor(),
            "add_form": form or AddCandidateForm(),
            "can_decide": request.user.role == Role.ADVISOR,
        },
        status=status,
    )


@team_required
def posting_proposals(request: HttpRequest, public_id) -> HttpResponse:
    return _posting_page(request, selectors.posting_for_team(public_id))


@advisor_required
@require_POST
def posting_add_candidate(request: HttpRequest, public_id) -> HttpResponse:
    posting = selectors.posting_for_team(public_id)
    form = AddCandidateForm(request.POST)
    if not form.is_valid():
        return _posting_page(request, posting, form, status=400)
    try:
        services.proposal_add(
            candidate=form.cleaned_data["email"],
            posting=posting,
            by=request.user,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        )
    except services.ProposalError as error:
        form.add_error(None, error)
        return _posting_page(request, posting, form, status=400)
    messages.success(
        request, _("The candidate is added and asked whether they share their profile.")
    )
    return redirect("prequalification:posting-proposals", public_id=posting.public_id)


def _reviews_page(request: HttpRequest, forms: dict | None = None, status: int = 200):
    show = request.GET.get("show", "open")
    reviews = list(selectors.review_requests(ReviewStatus.OPEN if show == "open" else ""))
    for review in reviews:
        review.answer_form = (forms or {}).get(review.pk) or ReviewAnswerForm(
            prefix=f"review-{review.pk}"
        )
    return render(
        request,
        "prequalification/review_list.html",
        {"reviews": reviews, "show": show, "can_answer": request.user.role == Role.ADVISOR},
        status=status,
    )


@team_required
def review_list(request: HttpRequest) -> HttpResponse:
    return _reviews_page(request)


@advisor_required
@require_POST
def review_answer(request: HttpRequest, pk: int) -> HttpResponse:
    review = selectors.review_request_for_team(pk)
    form = ReviewAnswerForm(request.POST, prefix=f"review-{review.pk}")
    if not form.is_valid():
        return _reviews_page(request, {review.pk: form}, status=400)
    try:
        services.review_request_answer(
            review=review,
            by=request.user,
            answer=form.cleaned_data["answer"],
            reopen=form.cleaned_data["reopen"],
        )
    except services.ProposalError as error:
        form.add_error(None, error)
        return _reviews_page(request, {review.pk: form}, status=400)
    messages.success(request, _("Your answer is sent to the candidate."))
    return redirect("prequalification:review-list")


@team_required
def audit_log(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    views = selectors.profile_views(
        subject_email=filters.get("subject") or "", viewer_email=filters.get("viewer") or ""
    )
    page = Paginator(views, AUDIT_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "prequalification/audit_log.html", {"form": form, "page": page})


@role_required(Role.MANAGER)
def program_settings(request: HttpRequest) -> HttpResponse:
    """The matching settings the program runs with: the queue threshold (which activity
    schedules also use), what it was measured to mean per star level, and where that comes from."""
    threshold = queue_threshold()
    star_rows = [
        {"stars": level, "low": low, "high": high, "share": share}
        for level, (low, high), share in zip(
            range(1, 6), _star_ranges(threshold.star_thresholds), threshold.by_star, strict=False
        )
    ]
    return render(
        request,
        "prequalification/program_settings.html",
        {
            "threshold": threshold,
            "star_rows": star_rows,
            "decisions": decisions_count(threshold.engine_version),
            "min_decisions": CALIBRATION_MIN_DECISIONS,
            "min_each": CALIBRATION_MIN_EACH,
            "bands": STAR_APPROVAL,
        },
    )


def _star_ranges(cut_offs: tuple[float, ...]) -> list[tuple[float, float | None]]:
    """The score range of each star level: [low, high) with None for no upper bound."""
    lows = [0.0, *cut_offs]
    return [(low, lows[i + 1] if i + 1 < len(lows) else None) for i, low in enumerate(lows)]
