from datetime import date
from decimal import Decimal

import pytest

from maillage.candidates.models import CandidateSkill
from maillage.candidates.tests.factories import (
    CandidateProfileFactory,
    EducationFactory,
    WorkExperienceFactory,
)
from maillage.employers.tests.factories import JobPostingFactory, PostingSkillFactory
from maillage.matching.engine_state import engine_reset
from maillage.regions.models import Region

TODAY = date(2026, 11, 26)


@pytest.fixture(autouse=True)
def _fresh_engine():
    """Each test starts with an engine loaded from its own database."""
    engine_reset()
    yield
    engine_reset()


def welding_posting_create():
    """Rimouski (Bas-Saint-Laurent), NOC 72106, three required skills and one asset."""
    posting = JobPostingFactory(min_french_oral_comprehension=6, min_french_oral_production=6)
    for label in ("soudage MIG", "lecture de plans", "oxycoupage"):
        PostingSkillFactory(posting=posting, label=label, is_required=True)
    PostingSkillFactory(posting=posting, label="soudage TIG", is_required=False)
    return posting


def welder_create():
    """A verified welder of Rimouski with 8 years in 72106 and two of the three skills."""
    profile = CandidateProfileFactory(
        available_from=date(2026, 12, 1),
        salary_expectation=Decimal("26.00"),
        summary="Soudeur MIG et TIG, je lis les plans.",
    )
    profile.regions_of_interest.set([Region.objects.get(code="01")])
    WorkExperienceFactory(candidate=profile)
    EducationFactory(candidate=profile)
    for label in ("soudage MIG", "lecture de plans"):
        CandidateSkill.objects.create(candidate=profile, label=label)
    return profile


@pytest.fixture
def welding_posting(db):
    return welding_posting_create()


@pytest.fixture
def welder(db):
    return welder_create()
