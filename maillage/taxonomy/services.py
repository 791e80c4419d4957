from django.db import transaction

from maillage.core.loading import LoadResult
from maillage.core.progress import progress
from maillage.core.reference import (
    data_path,
    dataset_is_current,
    dataset_record,
    file_checksum,
    read_csv,
)
from maillage.taxonomy.models import NocExampleTitle, NocGroup

NOC_STRUCTURE_FILE = "noc2021/noc2021_structure_en_fr.csv"
NOC_TITLES_FILE = "noc2021/noc2021_example_titles_en_fr.csv.gz"
BATCH = 5000


@transaction.atomic
def noc_load_reference(*, force: bool = False) -> LoadResult:
    """Load the NOC 2021 hierarchy (822 groups, TEER, EN/FR titles) and its 57,702 example titles."""
    paths = [data_path(NOC_STRUCTURE_FILE), data_path(NOC_TITLES_FILE)]
    checksum = file_checksum(*paths)
    if not force and dataset_is_current("noc2021", checksum):
        return LoadResult("noc2021", NocGroup.objects.count(), skipped=True)

    rows = sorted(read_csv(paths[0]), key=lambda row: len(row["code"]))
    groups = [
        NocGroup(
            code=row["code"],
            level=len(row["code"]),
            teer=int(row["teer"]) if row["teer"] else None,
            parent_id=row["code"][:-1] or None,
            title_en=row["title_en"],
            title_fr=row["title_fr"],
            definition_en=row["definition_en"],
            definition_fr=row["definition_fr"],
        )
        for row in rows
    ]
    NocGroup.objects.bulk_create(
        groups,
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=[
            "level",
            "teer",
            "parent",
            "title_en",
            "title_fr",
            "definition_en",
            "definition_fr",
        ],
        batch_size=500,
    )

    # Titles have no key of their own: replace them as a whole, inside this transaction.
    NocExampleTitle.objects.all().delete()
    titles = [
        NocExampleTitle(noc_id=row["noc_code"], language=row["lang"], title=row["title"][:300])
        for row in read_csv(paths[1])
    ]
    batches = range(0, len(titles), BATCH)
    for start in progress(batches, description="NOC example titles", total=len(batches)):
        NocExampleTitle.objects.bulk_create(titles[start : start + BATCH], ignore_conflicts=True)
    dataset_record("noc2021", checksum, len(groups))
    return LoadResult("noc2021", len(groups), skipped=False)
