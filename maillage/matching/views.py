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
from maillage.core.jobs import background_job_latest, background_job_poll_answer
from maillage.employers.selectors import posting_for_viewer
from maillage.matching import selectors, services
from maillage.matching.doors import candidate_doors, posting_pool
from maillage.matching.explanations import CANDIDATE
from maillage.matching.explanations.results import results_explained
from maillage.regions.models import Region

candidate_required = role_required(Role.CANDIDATE)


class CandidateMatchFilterForm(forms.Form):
    region = forms.ModelChoiceField(
        label=_("Region"),
        queryset=Region.objects.served(),
        required=False,
        empty_label=_("All regions"),
    )
    min_stars = forms.TypedChoiceField(
        label=_("At least"), coerce=int, required=False, empty_value=1
    )
    include_excluded = forms.BooleanField(
        label=_("Also show the jobs I cannot apply to, with the reason"), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["min_stars"].choices = [
            (n, ngettext("%(count)s star", "%(count)s stars", n) % {"count": n})
            for n in range(1, 6)
        ]

    def filters(self) -> selectors.CandidateMatchFilters:
        if not self.is_valid():
            return selectors.CandidateMatchFilters()
        data = self.cleaned_data
        return selectors.CandidateMatchFilters(
            region=data.get("region"),
            min_stars=data.get("min_stars") or 1,
            include_excluded=bool(data.get("include_excluded")),
        )


@candidate_required
def my_matches(request: HttpRequest) -> HttpResponse:
    profile = request.user.candidate_profile
    form = CandidateMatchFilterForm(request.GET or None)
    results = selectors.matches_of_candidate(profile, form.filters())[:50]
    explained = results_explained(results, audience=CANDIDATE)
    return render(
        request,
        "matching/my_matches.html",
        {
            "form": form,
            "explained": explained,
            "profile": profile,
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
