from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from maillage.accounts.models import TEAM_ROLES, Role
from maillage.accounts.permissions import role_required
from maillage.core.choices import VerificationStatus
from maillage.core.jobs import background_job_latest, background_job_poll_answer
from maillage.core.pagination import page_of
from maillage.employers.selectors import posting_for_viewer
from maillage.matching import selectors, services
from maillage.matching.calibration import default_min_stars
from maillage.matching.doors import candidate_doors, posting_pool
from maillage.matching.explanations import CANDIDATE
from maillage.matching.explanations.results import results_explained
from maillage.matching.models import ResultsPage
from maillage.matching.services import saved_filter_clear, saved_filter_store
from maillage.regions.models import Region

candidate_required = role_required(Role.CANDIDATE)

RESULTS_PER_PAGE = 20


def _star_choices() -> list[tuple[int, str]]:
    return [
        (n, ngettext("%(count)s star", "%(count)s stars", n) % {"count": n}) for n in range(1, 6)
    ]


def results_filter_query(
    request: HttpRequest, page: ResultsPage, fields: list[str]
) -> dict[str, str]:
    """The filters the page applies: those just submitted (then kept for next time), or else
    those the person kept; `?reset=1` forgets them."""
    if "reset" in request.GET:
        saved_filter_clear(user=request.user, page=page)
        return {}
    submitted = {name: request.GET[name] for name in fields if name in request.GET}
    if submitted:
        saved_filter_store(user=request.user, page=page, query=submitted)
        return submitted
    return selectors.saved_filter_query(request.user, page)


class StarsFilterForm(forms.Form):
    """The lowest stars shown; a results page starts from the calibrated proposal threshold."""

    min_stars = forms.TypedChoiceField(label=_("At least"), coerce=int, required=False)

    def __init__(self, *args, default_stars: int | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.default_stars = default_stars or default_min_stars()
        self.fields["min_stars"].choices = _star_choices()
        self.fields["min_stars"].initial = self.default_stars

    def stars_floor(self) -> int:
        if self.is_bound and self.is_valid() and self.cleaned_data.get("min_stars"):
            return self.cleaned_data["min_stars"]
        return self.default_stars


class CandidateMatchFilterForm(StarsFilterForm):
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.served(),
        required=False,
        empty_label=_("All regions"),
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("best", _("Best match first")),
            ("newest", _("Newest postings first")),
            ("pay", _("Best pay first")),
        ],
    )
    include_excluded = forms.BooleanField(
        label=_("Also show the jobs I cannot apply to, with the reason"), required=False
    )
    field_order = ["region", "min_stars", "sort", "include_excluded"]

    def filters(self) -> selectors.CandidateMatchFilters:
        if not (self.is_bound and self.is_valid()):
            return selectors.CandidateMatchFilters(min_stars=self.stars_floor())
        data = self.cleaned_data
        return selectors.CandidateMatchFilters(
            region=data.get("region"),
            min_stars=self.stars_floor(),
            include_excluded=bool(data.get("include_excluded")),
            sort=data.get("sort") or "best",
        )


def _empty_reason(profile) -> str:
    """Why the candidate's list is empty, said as what happens next."""
    status = profile.verification_status
    if status == VerificationStatus.NOT_SUBMITTED:
        return "not_submitted"
    if status == VerificationStatus.PENDING:
        return "pending"
    if status == VerificationStatus.REFUSED:
        return "refused"
    return "filters" if profile.match_results.exists() else "none"


@candidate_required
def my_matches(request: HttpRequest) -> HttpResponse:
    profile = request.user.candidate_profile
    query = results_filter_query(
        request, ResultsPage.MY_MATCHES, list(CandidateMatchFilterForm.base_fields)
    )
    form = CandidateMatchFilterForm(query or None)
    page = page_of(
        request, selectors.matches_of_candidate(profile, form.filters()), per_page=RESULTS_PER_PAGE
    )
    explained = results_explained(page.object_list, audience=CANDIDATE)
    return render(
        request,
        "matching/my_matches.html",
        {
            "form": form,
            "explained": explained,
            "page": page,
            "profile": profile,
            "empty_reason": "" if explained else _empty_reason(profile),
            "is_filtered": bool(query),
            "doors": candidate_doors(profile, today=timezone.localdate()),
        },
    )


@candidate_required
def my_doors(request: HttpRequest) -> HttpResponse:
    """The "what would open more doors" section alone (the profile page loads it)."""
    doors = candidate_doors(request.user.candidate_profile, today=timezone.localdate())
    return render(request, "matching/_doors.html", {"doors": doors})


@role_required(Role.EMPLOYER, *TEAM_ROLES)
def posting_pool_section(request: HttpRequest, public_id) -> HttpResponse:
    """What relaxing each requirement would add: the posting's company and the team."""
    posting = posting_for_viewer(public_id, request.user)
    membership = getattr(request.user, "company_membership", None)
    if not request.user.is_team and (
        membership is None or membership.company_id != posting.company_id
    ):
        raise PermissionDenied
    pool = posting_pool(posting, today=timezone.localdate())
    return render(request, "matching/_pool.html", {"pool": pool})


manager_required = role_required(Role.MANAGER)


@manager_required
def rematch_all_page(request: HttpRequest) -> HttpResponse:
    """A full rematch, asked by a button and run as a task; the page follows its progress."""
    if request.method == "POST":
        _job, created = services.rematch_all_request(by=request.user)
        if not created:
            messages.info(request, _("A full rematch is already running: here is its progress."))
        return redirect("matching:rematch-all")
    job = background_job_latest(kind=services.REMATCH_ALL_JOB, subject="")
    context = {"job": job, "poll_url": request.path}
    polled = background_job_poll_answer(request, job, context)
    if polled is not None:
        return polled
    return render(request, "matching/rematch_all.html", context)
