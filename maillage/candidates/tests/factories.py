from datetime import date

import factory

from maillage.accounts.models import Role
from maillage.accounts.tests.factories import UserFactory
from maillage.candidates.models import (
    CandidateProfile,
    Education,
    ImmigrationStatus,
    Relocation,
    WorkExperience,
)
from maillage.core.choices import VerificationStatus
from maillage.regions.models import Municipality
from maillage.taxonomy.scales import EducationLevel


class CandidateProfileFactory(factory.django.DjangoModelFactory):
    """A complete, verified, eligible profile (admitted in 2024, permanent resident, in Rimouski)."""

    class Meta:
        model = CandidateProfile

    user = factory.SubFactory(UserFactory, role=Role.CANDIDATE)
    phone = "418-555-0100"
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(name="Rimouski"))
    admission_date = date(2024, 3, 15)
    immigration_status = ImmigrationStatus.PERMANENT_RESIDENT
    french_oral_comprehension = 8
    french_oral_production = 7
    french_written_comprehension = 7
    french_written_production = 6
    english_oral_comprehension = 5
    english_oral_production = 5
    english_written_comprehension = 5
    english_written_production = 4
    relocation = Relocation.YES
    verification_status = VerificationStatus.VERIFIED


class WorkExperienceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkExperience

    candidate = factory.SubFactory(CandidateProfileFactory)
    title = "Soudeur"
    employer_name = "Ateliers du Nord"
    country = "FR"
    start_date = date(2015, 1, 1)
    end_date = date(2023, 6, 30)
    description = "Soudage MIG et TIG de structures en acier."
    noc_id = "72106"


class EducationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Education

    candidate = factory.SubFactory(CandidateProfileFactory)
    level = EducationLevel.VOCATIONAL
    field = "Soudage-montage"
    country = "FR"
