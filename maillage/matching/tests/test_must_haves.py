"""The demo's semi-trailer truck posting: a driver without the class 1 licence no longer tops the
list (issue 13). Before, the licence was one required skill among three, worth a third of 22 %:
two drivers ranked 86/100, 5 stars, one of them legally unable to drive the truck."""

from datetime import date

import pytest

from maillage.candidates.models import CandidateSkill
from maillage.candidates.tests.factories import CandidateProfileFactory, WorkExperienceFactory
from maillage.employers.tests.factories import JobPostingFactory, PostingSkillFactory
from maillage.matching.models import MatchResult
from maillage.matching.services import candidate_rematch, posting_rematch
from maillage.matching.tests.conftest import TODAY
from maillage.regions.models import Region

LICENCE = "permis de conduire classe 1"


def _truck_posting(**fields):
    posting = JobPostingFactory(
        title="Chauffeur/chauffeuse de camion à semi-remorque",
        noc_id="73300",
        description="Transport de marchandises en semi-remorque au Québec.",
        min_years_experience=3,
        **fields,
    )
    PostingSkillFactory(posting=posting, label=LICENCE, is_must_have=True)
    for label in ("arrimage des charges", "ronde de sécurité"):
        PostingSkillFactory(posting=posting, label=label)
    PostingSkillFactory(posting=posting, label="conduite hivernale", is_required=False)
    return posting


def _driver(years_from: date, skills: tuple[str, ...]):
    profile = CandidateProfileFactory(
        available_from=date(2026, 12, 1), summary="Chauffeur de camion, longues distances."
    )
    profile.regions_of_interest.set([Region.objects.get(code="01")])
    WorkExperienceFactory(
        candidate=profile,
        title="Chauffeur de camion",
        noc_id="73300",
        start_date=years_from,
        end_date=None,
        description="Transport routier de marchandises.",
    )
    for label in skills:
        CandidateSkill.objects.create(candidate=profile, label=label)
    return profile


@pytest.fixture
def drivers(db):
    return {
        "licensed": _driver(
            date(2021, 8, 1), (LICENCE, "arrimage des charges", "ronde de sécurité")
        ),
        "no_licence": _driver(date(2024, 10, 1), ("arrimage des charges", "ronde de sécurité")),
        "short": _driver(date(2024, 9, 1), (LICENCE, "ronde de sécurité")),
    }


def _listed(posting, drivers) -> list[MatchResult]:
    for profile in drivers.values():  # what each driver's page shows, exclusions included
        candidate_rematch(candidate_id=profile.pk, today=TODAY)
    posting_rematch(posting_id=posting.pk, today=TODAY)
    return list(MatchResult.objects.filter(posting=posting, is_excluded=False).order_by("-score"))


def test_a_driver_without_the_class_1_licence_is_excluded_with_the_reason(drivers):
    posting = _truck_posting()
    listed = _listed(posting, drivers)
    assert [r.candidate_id for r in listed] == [drivers["licensed"].pk, drivers["short"].pk]
    excluded = MatchResult.objects.get(posting=posting, candidate=drivers["no_licence"])
    assert excluded.is_excluded
    assert excluded.reasons[0] == {
        "code": "must_have_missing",
        "evidence": {"missing": [LICENCE]},
        "factor": "required_skills",
        "is_exclusion": True,
    }
    short = next(r for r in listed if r.candidate_id == drivers["short"].pk)
    years = next(r for r in short.reasons if r["code"] == "experience_short")
    assert years["evidence"]["grade"] == "close"  # 2.2 of 3 years


def test_when_the_employer_allows_it_the_driver_is_listed_last_at_two_stars(drivers):
    posting = _truck_posting(shows_missing_must_haves=True)
    listed = _listed(posting, drivers)
    assert listed[-1].candidate_id == drivers["no_licence"].pk
    assert listed[-1].stars == 2
    assert all(r.stars >= 3 for r in listed[:-1])
    assert listed[-1].reasons[0]["evidence"] == {"missing": [LICENCE], "capped": True}
