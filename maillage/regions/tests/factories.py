from datetime import date
from decimal import Decimal

import factory

from maillage.accounts.models import Role
from maillage.accounts.tests.factories import UserFactory
from maillage.regions.models import FigureKind, Region, RegionFigure, RegionService, ServiceCategory


def bas_saint_laurent() -> Region:
    return Region.objects.get(code="01")


class PartnerFactory(UserFactory):
    """The regional partner (chamber of commerce) of Bas-Saint-Laurent."""

    role = Role.PARTNER
    region = factory.LazyFunction(bas_saint_laurent)


class RegionFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegionFigure

    region = factory.LazyFunction(bas_saint_laurent)
    kind = FigureKind.TYPICAL_RENT
    value = Decimal("950.00")
    source = "Source de démonstration"
    as_of = date(2026, 10, 1)
    is_demo = True


class RegionServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegionService

    region = factory.LazyFunction(bas_saint_laurent)
    category = ServiceCategory.FRANCIZATION
    name = factory.Sequence(lambda n: f"Cours de français {n}")
    description_fr = "Cours du jour et du soir."
    description_en = "Day and evening classes."
