"""Demo step of the fairness audit: seven demo candidates in ten answer the voluntary
self-declaration, through the same service as the form, so the audit page has something to show.

The answers are drawn at random (seeded): the demo shows how the audit reads, not a finding.
Where a person was born is taken from the country of their studies, their age from when they
finished them."""

import random

from maillage.candidates.models import CandidateProfile
from maillage.core.demo_steps import DemoContext, DemoStage, DemoStep
from maillage.fairness.models import AgeBand, Gender, VisibleMinority, WorldRegion
from maillage.fairness.services import declaration_save

WORLD_REGION_OF_COUNTRY = {
    "FR": WorldRegion.EUROPE,
    "BE": WorldRegion.EUROPE,
    "UA": WorldRegion.EUROPE,
    "MA": WorldRegion.AFRICA_NORTH,
    "DZ": WorldRegion.AFRICA_NORTH,
    "TN": WorldRegion.AFRICA_NORTH,
    "SN": WorldRegion.AFRICA_SUB_SAHARAN,
    "CI": WorldRegion.AFRICA_SUB_SAHARAN,
    "CM": WorldRegion.AFRICA_SUB_SAHARAN,
    "HT": WorldRegion.LATIN_AMERICA,
    "CO": WorldRegion.LATIN_AMERICA,
    "MX": WorldRegion.LATIN_AMERICA,
    "BR": WorldRegion.LATIN_AMERICA,
    "PH": WorldRegion.ASIA_EAST,
    "IN": WorldRegion.ASIA_SOUTH,
    "LB": WorldRegion.ASIA_WEST,
}
MOSTLY_NOT_VISIBLE_MINORITY = {WorldRegion.EUROPE}


def _age_band(age: int) -> str:
    for limit, band in [(25, AgeBand.UNDER_25), (35, AgeBand.FROM_25), (45, AgeBand.FROM_35)]:
        if age < limit:
            return band
    return AgeBand.FROM_45 if age < 55 else AgeBand.FROM_55


def build_fairness_demo(context: DemoContext) -> int:
    """Record the demo declarations; returns how many."""
    rng = random.Random(context.seed)
    count = 0
    profiles = CandidateProfile.objects.select_related("user").prefetch_related("educations")
    for profile in profiles.order_by("pk"):
        education = profile.educations.first()
        if education is None or rng.random() >= 0.7:
            continue
        region = WORLD_REGION_OF_COUNTRY.get(str(education.country), "")
        finished_at = education.year_completed or context.today.year - 10
        values = {
            "gender": rng.choice([Gender.WOMAN, Gender.MAN] * 12 + [Gender.NON_BINARY]),
            "age_band": _age_band(context.today.year - finished_at + 21),
            "world_region": region,
            "visible_minority": ""
            if not region
            else VisibleMinority.NO
            if region in MOSTLY_NOT_VISIBLE_MINORITY
            else VisibleMinority.YES,
        }
        declaration_save(candidate=profile, values=values)
        count += 1
    return count


DEMO = DemoStep(DemoStage.PATH, build_fairness_demo)
