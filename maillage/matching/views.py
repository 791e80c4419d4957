from dataclasses import dataclass

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from maillage.accounts.models import TEAM_ROLES, Role
from maillage.accounts.permissions import role_required
from maillage.accounts.services import profile_view_record
from maillage.core.choices import VerificationStatus
from maillage.core.pagination import page_of
from maillage.matching import selectors
from maillage.matching.calibration import default_min_stars
from maillage.matching.charts import Comparison, comparison
from maillage.matching.explanations import (
    CANDIDATE,
    TEAM,
    Sentence,
    factor_label,
    sentences,
)
from maillage.matching.models import MatchResult, ResultsPage
from maillage.matching.services import saved_filter_clear, saved_filter_store
from maillage.regions.models import Region

candidate_required = role_required(Role.CANDIDATE)
team_required = role_required(*TEAM_ROLES)

RESULTS_PER_PAGE = 20
KEY_REASONS = 3  # reason lines a card shows; the rest behind « Voir le détail »


def _star_choices() -> list[tuple[int, str]]:
    return [
        (n, ngettext("%(count)s star", "%(count)s stars", n) % {"count": n}) for n in range(1, 6)
    ]


def _filter_query(request: HttpRequest, page: ResultsPage, fields: list[str]) -> dict[str, str]:
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

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.default_stars = default_min_stars()
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


@dataclass(frozen=True)
class ExplainedResult:
    result: MatchResult
    sentences: list[Sentence]
    comparison: Comparison | None = None

    @property
    def factor_rows(self) -> list[tuple[str, dict]]:
        factors = self.result.breakdown.get("factors", {})
        return [(factor_label(name), values) for name, values in factors.items()]

    @property
    def exclusions(self) -> list[Sentence]:
        return [s for s in self.sentences if s.tone == "exclusion"]

    @property
    def key_sentences(self) -> list[Sentence]:
        """The reasons that matter most: what bars the job, then the factors that weigh most in
        the score; notes without a weight come last."""
        ranked = sorted(
            self.sentences,
            key=lambda s: (s.tone != "exclusion", s.weight is None, -(s.weight or 0.0)),
        )
        return ranked[:KEY_REASONS]

    @property
    def other_sentences(self) -> list[Sentence]:
        shown = self.key_sentences
        return [s for s in self.sentences if s not in shown]


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
    query = _filter_query(
        request, ResultsPage.MY_MATCHES, list(CandidateMatchFilterForm.base_fields)
    )
    form = CandidateMatchFilterForm(query or None)
    page = page_of(
        request, selectors.matches_of_candidate(profile, form.filters()), per_page=RESULTS_PER_PAGE
    )
    results = list(page.object_list)
    vocabulary = selectors.reason_vocabulary(results)
    explained = [
        ExplainedResult(
            r,
            sentences(r.reasons, audience=CANDIDATE, vocabulary=vocabulary, breakdown=r.breakdown),
        )
        for r in results
    ]
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
        },
    )


@team_required
def posting_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "matching/posting_list.html",
        {"postings": list(selectors.postings_with_proposals()[:200])},
    )


@team_required
def posting_proposals(request: HttpRequest, public_id) -> HttpResponse:
    posting = selectors.posting_for_proposals(public_id)
    query = _filter_query(request, ResultsPage.POSTING_CANDIDATES, ["min_stars"])
    form = StarsFilterForm(query or None)
    page = page_of(
        request,
        selectors.proposals_for_posting(posting, min_stars=form.stars_floor()),
        per_page=RESULTS_PER_PAGE,
    )
    results = list(page.object_list)
    vocabulary = selectors.reason_vocabulary(results)
    explained = []
    for result in results:
        profile_view_record(
            viewer=request.user,
            subject=result.candidate.user,
            what=_("Matching proposals for “%(posting)s”"),
            params={"posting": posting.title},
        )
        explained.append(
            ExplainedResult(
                result,
                sentences(
                    result.reasons,
                    audience=TEAM,
                    vocabulary=vocabulary,
                    breakdown=result.breakdown,
                ),
                comparison(result, posting, result.candidate),
            )
        )
    return render(
        request,
        "matching/posting_proposals.html",
        {"posting": posting, "explained": explained, "form": form, "page": page},
    )
