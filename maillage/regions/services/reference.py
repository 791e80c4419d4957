from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from maillage.core.loading import LoadResult
from maillage.core.reference import (
    data_path,
    dataset_is_current,
    dataset_record,
    file_checksum,
    read_csv,
)
from maillage.regions.models import Municipality, Region
from matchcore.language.folding import fold

REGIONS_FILE = "quebec_geo/quebec_admin_regions.csv"
MUNICIPALITIES_FILE = "quebec_geo/quebec_municipalities_mamh.csv"
COORDINATES_FILE = "quebec_geo/quebec_municipalities_with_coords.csv"


@transaction.atomic
def regions_load_reference(*, force: bool = False) -> LoadResult:
    """Load the 17 administrative regions and their municipalities (MAMH, with coordinates).

    A region's "served by the program" flag is set from PROGRAM_REGION_CODES when the region is
    first created; later changes made in the admin are kept.
    """
    paths = [data_path(REGIONS_FILE), data_path(MUNICIPALITIES_FILE), data_path(COORDINATES_FILE)]
    checksum = file_checksum(*paths)
    if not force and dataset_is_current("quebec_geo", checksum):
        return LoadResult("quebec_geo", Municipality.objects.count(), skipped=True)

    served = set(settings.PROGRAM_REGION_CODES)
    existing = set(Region.objects.values_list("code", flat=True))
    regions = [
        Region(
            code=row["region_code"],
            name=row["region_name"],
            slug=slugify(row["region_name"]),
            is_served=row["region_code"] in served,
        )
        for row in read_csv(paths[0])
    ]
    Region.objects.bulk_create([r for r in regions if r.code not in existing])
    for region in regions:
        if region.code in existing:
            Region.objects.filter(code=region.code).update(name=region.name, slug=region.slug)
    region_ids = dict(Region.objects.values_list("code", "id"))

    coordinates = {
        row["mun_code"]: (float(row["lat"]), float(row["lng"]))
        for row in read_csv(paths[2])
        if row["lat"] and row["lng"]
    }
    municipalities = []
    for row in read_csv(paths[1]):
        lat, lng = coordinates.get(row["mun_code"], (None, None))
        municipalities.append(
            Municipality(
                code=row["mun_code"],
                name=row["mun_name"],
                kind=row["mun_type"],
                region_id=region_ids[row["region_code"]],
                mrc_name=row["mrc_name"],
                population=int(float(row["population"])) if row["population"] else None,
                latitude=lat,
                longitude=lng,
                search_name=fold(row["mun_name"]),
            )
        )
    Municipality.objects.bulk_create(
        municipalities,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=[
            "name",
            "kind",
            "region",
            "mrc_name",
            "population",
            "latitude",
            "longitude",
            "search_name",
        ],
        batch_size=500,
    )
    dataset_record("quebec_geo", checksum, len(municipalities))
    return LoadResult("quebec_geo", len(municipalities), skipped=False)
