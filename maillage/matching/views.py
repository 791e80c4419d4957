from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from maillage.accounts.models import Role
from maillage.accounts.permissions import role_required
from maillage.matching import selectors
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
        {"form": form, "explained": explained, "profile": profile},
    )
