"""Demo step of households: a welder and a care aide who move together, linked through the
services (an invitation, then the partner's consent), chosen so that the engine's matches of
both offer at least one region with a good job for each within commuting distance. Both say yes
to sharing their work search, so an employer who short-lists one of them (and to whom that one
shares the household, as the demo's candidates share every section) reads the other's search."""

from maillage.candidates.models import CandidateProfile
from maillage.core.demo_steps import DemoContext, DemoStage, DemoStep
from maillage.households.models import HouseholdLink
from maillage.households.selectors import ranking_for_household
from maillage.households.services import (
    household_accept,
    household_invite,
    household_search_share,
)
from matchcore.households import joint_search

WELDER, CARE_AIDE = "72106", "33102"
TRIED = 12  # people of each occupation tried, best known first


def _practising(noc: str) -> list[CandidateProfile]:
    """Candidates who want to work in this occupation and have admissible match results."""
    return list(
        CandidateProfile.objects.filter(desired_occupations=noc, match_results__is_excluded=False)
        .exclude(household_links_sent__isnull=False)
        .exclude(household_links_received__isnull=False)
        .select_related("user")
        .distinct()
        .order_by("pk")[:TRIED]
    )


def couple_pick(*, first_email: str) -> tuple[CandidateProfile, CandidateProfile] | None:
    """The first welder (the demo candidate first) and care aide with a region where both
    have a good job (both 3 stars or more), else with any pair of jobs within reach."""
    welders = sorted(_practising(WELDER), key=lambda p: p.user.email != first_email)
    aides = [p for p in _practising(CARE_AIDE) if p not in welders]
    rankings = {p.pk: ranking_for_household(p) for p in [*welders, *aides]}
    searches = {
        (welder, aide): joint_search(rankings[welder.pk], rankings[aide.pk], limit=1)
        for welder in welders
        for aide in aides
    }
    for is_enough in (lambda found: found.regions, lambda found: found.pairs):
        for couple, found in searches.items():
            if is_enough(found):
                return couple
    return None


def _build(context: DemoContext) -> None:
    if HouseholdLink.objects.exists():
        return
    couple = couple_pick(first_email=context.candidate_email)
    if couple is None:
        return
    welder, aide = couple
    link = household_invite(inviter=welder, email=aide.user.email)
    household_accept(link=link, by=aide)
    for person in couple:
        household_search_share(link=link, by=person, share=True)


DEMO = DemoStep(DemoStage.PATH, _build)
