from datetime import date
from decimal import Decimal

import factory

from maillage.accounts.models import Role
from maillage.accounts.tests.factories import UserFactory
from maillage.core.choices import VerificationStatus
from maillage.employers.models import (
    Company,
    CompanyMember,
    CompanySize,
    JobPosting,
    PostingSkill,
    PostingStatus,
    Sector,
)
from maillage.regions.models import Municipality


def rimouski() -> Municipality:
    return Municipality.objects.select_related("region").get(name="Rimouski")


class CompanyFactory(factory.django.DjangoModelFactory):
    """A verified manufacturer of Rimouski (Bas-Saint-Laurent)."""

    class Meta:
        model = Company

    legal_name = factory.Sequence(lambda n: f"Usinage du Fjord {n} inc.")
    neq = factory.Sequence(lambda n: f"11{n:08d}")
    municipality = factory.LazyFunction(rimouski)
    region = factory.LazyAttribute(lambda company: company.municipality.region)
    sector = Sector.MANUFACTURING
    size = CompanySize.MEDIUM_SMALL
    verification_status = VerificationStatus.VERIFIED


class CompanyMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CompanyMember

    company = factory.SubFactory(CompanyFactory)
    user = factory.SubFactory(UserFactory, role=Role.EMPLOYER)
    role = CompanyMember.MemberRole.OWNER


class JobPostingFactory(factory.django.DjangoModelFactory):
    """A published welder position in Rimouski."""

    class Meta:
        model = JobPosting

    company = factory.SubFactory(CompanyFactory)
    title = "Soudeur/soudeuse"
    noc_id = "72106"
    description = "Souder des pièces d'acier selon les plans."
    min_years_experience = 2
    min_french_oral_comprehension = 6
    min_french_oral_production = 6
    salary_min = Decimal("25.00")
    salary_max = Decimal("32.00")
    municipality = factory.LazyAttribute(lambda posting: posting.company.municipality)
    start_date = date(2027, 1, 15)
    status = PostingStatus.PUBLISHED


class PostingSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PostingSkill

    posting = factory.SubFactory(JobPostingFactory)
    label = factory.Sequence(lambda n: f"compétence {n}")
    is_required = True
