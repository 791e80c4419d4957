from datetime import date
from decimal import Decimal

from django.db import transaction

from maillage.accounts.models import User
from maillage.candidates.models import CandidateProfile
from maillage.candidates.services import candidate_profile_update
from maillage.regions.models import FigureKind, Region, RegionFigure, RegionProfile, RegionService


@transaction.atomic
def region_profile_update(
    *, region: Region, presentation_fr: str, presentation_en: str, by: User
) -> RegionProfile:
    profile, _created = RegionProfile.objects.select_for_update().get_or_create(region=region)
    profile.presentation_fr = presentation_fr.strip()
    profile.presentation_en = presentation_en.strip()
    profile.updated_by = by
    profile.full_clean()
    profile.save()
    return profile


@transaction.atomic
def region_figure_set(
    *,
    region: Region,
    kind: FigureKind,
    value: Decimal,
    source: str,
    source_url: str,
    as_of: date,
    is_demo: bool,
    by: User,
) -> RegionFigure:
    figure = RegionFigure.objects.select_for_update().filter(region=region, kind=kind).first()
    if figure is None:
        figure = RegionFigure(region=region, kind=kind)
    figure.value = value
    figure.source = source.strip()
    figure.source_url = source_url.strip()
    figure.as_of = as_of
    figure.is_demo = is_demo
    figure.updated_by = by
    figure.full_clean()
    figure.save()
    return figure


@transaction.atomic
def region_figure_remove(*, region: Region, kind: FigureKind) -> None:
    RegionFigure.objects.filter(region=region, kind=kind).delete()


@transaction.atomic
def region_service_save(*, service: RegionService) -> RegionService:
    service.full_clean()
    service.save()
    return service


@transaction.atomic
def region_service_delete(*, service: RegionService) -> None:
    service.delete()


@transaction.atomic
def region_interest_set(
    *, profile: CandidateProfile, region: Region, interested: bool
) -> CandidateProfile:
    """Add or remove a region of interest, through the profile's one update function."""
    regions = set(profile.regions_of_interest.values_list("pk", flat=True))
    if interested:
        regions.add(region.pk)
    else:
        regions.discard(region.pk)
    return candidate_profile_update(
        profile=profile, changes={"regions_of_interest": sorted(regions)}
    )
