from collections import defaultdict

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
from maillage.taxonomy.models import (
    EscoOccupation,
    EscoOccupationSkill,
    EscoSkill,
    NocEscoLink,
    NocExampleTitle,
    NocGroup,
    RegulatedOccupation,
)
from matchcore.language.crosswalk import EscoOnetMatch, OnetNocShare, link_esco_to_noc

REGULATED_OCCUPATIONS_FILE = "regulated_occupations/regulated_occupations.csv"
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


ESCO_DIR = "esco_v1.1.1"
ESCO_FILES = {
    "occupations_en": f"{ESCO_DIR}/occupations_en.csv.gz",
    "occupations_fr": f"{ESCO_DIR}/occupations_fr.csv.gz",
    "skills_en": f"{ESCO_DIR}/skills_en.csv.gz",
    "skills_fr": f"{ESCO_DIR}/skills_fr_esco_v1.0.x_preferred_labels.csv.gz",
    "relations": f"{ESCO_DIR}/occupationSkillRelations.csv.gz",
}
CROSSWALK_FILES = {
    "nesta": "occupation_crosswalks/esco_to_onet_crosswalk_nesta_nov2020.csv",
    "onet_2010_2019": "occupation_crosswalks/onet_soc2010_to_2019_crosswalk_subset.csv",
    "bc": "occupation_crosswalks/onet2019_to_noc2021_mapping_bcgov_v3.csv",
    "esco_broader": f"{ESCO_DIR}/broaderRelationsOccPillar.csv.gz",
}


def _lines(cell: str) -> str:
    """ESCO's multi-valued cells (one value per line), trimmed and without duplicates."""
    return "\n".join(dict.fromkeys(value.strip() for value in cell.splitlines() if value.strip()))


def _delete_missing(model, keep: set[str]) -> None:
    stale = [uri for uri in model.objects.values_list("pk", flat=True) if uri not in keep]
    for start in range(0, len(stale), 500):
        model.objects.filter(pk__in=stale[start : start + 500]).delete()


@transaction.atomic
def esco_load_reference(*, force: bool = False) -> LoadResult:
    """Load ESCO v1.1.1: 3,007 occupations and 13,896 skills with English and French labels, and
    the 123,855 essential/optional links between them."""
    paths = {name: data_path(relative) for name, relative in ESCO_FILES.items()}
    checksum = file_checksum(*paths.values())
    if not force and dataset_is_current("esco", checksum):
        return LoadResult("esco", EscoSkill.objects.count(), skipped=True)

    french = {row["conceptUri"]: row for row in read_csv(paths["occupations_fr"])}
    occupations = [
        EscoOccupation(
            uri=row["conceptUri"],
            code=row["code"],
            isco_group=row["iscoGroup"],
            label_en=row["preferredLabel"],
            label_fr=french.get(row["conceptUri"], {}).get("preferredLabel")
            or row["preferredLabel"],
            alt_labels_en=_lines(row["altLabels"]),
            alt_labels_fr=_lines(french.get(row["conceptUri"], {}).get("altLabels", "")),
            description_en=row["description"],
            description_fr=french.get(row["conceptUri"], {}).get("description", ""),
        )
        for row in read_csv(paths["occupations_en"])
    ]
    french = {row["conceptUri"]: row for row in read_csv(paths["skills_fr"])}
    skills = [
        EscoSkill(
            uri=row["conceptUri"],
            skill_type=row["skillType"],
            reuse_level=row["reuseLevel"],
            label_en=row["preferredLabel"],
            label_fr=french.get(row["conceptUri"], {}).get("preferredLabel", ""),
            alt_labels_en=_lines(row["altLabels"]),
            alt_labels_fr=_lines(french.get(row["conceptUri"], {}).get("altLabels", "")),
            description_en=row["description"],
        )
        for row in read_csv(paths["skills_en"])
    ]
    occupation_fields = [f.name for f in EscoOccupation._meta.fields if not f.primary_key]
    skill_fields = [f.name for f in EscoSkill._meta.fields if not f.primary_key]
    for batch in progress(
        range(0, len(occupations), 500),
        description="ESCO occupations",
        total=len(occupations) // 500 + 1,
    ):
        EscoOccupation.objects.bulk_create(
            occupations[batch : batch + 500],
            update_conflicts=True,
            unique_fields=["uri"],
            update_fields=occupation_fields,
        )
    for batch in progress(
        range(0, len(skills), 500), description="ESCO skills", total=len(skills) // 500 + 1
    ):
        EscoSkill.objects.bulk_create(
            skills[batch : batch + 500],
            update_conflicts=True,
            unique_fields=["uri"],
            update_fields=skill_fields,
        )
    occupation_uris = {o.uri for o in occupations}
    skill_uris = {s.uri for s in skills}
    _delete_missing(EscoOccupation, occupation_uris)
    _delete_missing(EscoSkill, skill_uris)

    # Links have no key of their own: replaced as a whole, inside this transaction.
    EscoOccupationSkill.objects.all().delete()
    links = [
        EscoOccupationSkill(
            occupation_id=row["occupationUri"],
            skill_id=row["skillUri"],
            relation=row["relationType"],
        )
        for row in read_csv(paths["relations"])
        if row["occupationUri"] in occupation_uris and row["skillUri"] in skill_uris
    ]
    batches = range(0, len(links), BATCH)
    for start in progress(batches, description="ESCO occupation skills", total=len(batches)):
        EscoOccupationSkill.objects.bulk_create(links[start : start + BATCH], ignore_conflicts=True)
    dataset_record("esco", checksum, len(skills))
    return LoadResult("esco", len(skills), skipped=False)


@transaction.atomic
def noc_esco_load_reference(*, force: bool = False) -> LoadResult:
    """Join NOC unit groups and ESCO occupations through the crosswalks (after both are loaded)."""
    paths = {name: data_path(relative) for name, relative in CROSSWALK_FILES.items()}
    checksum = file_checksum(
        *paths.values(), data_path(NOC_STRUCTURE_FILE), data_path(ESCO_FILES["occupations_en"])
    )
    if not force and dataset_is_current("noc_esco", checksum):
        return LoadResult("noc_esco", NocEscoLink.objects.count(), skipped=True)

    changed: dict[str, list[str]] = defaultdict(list)
    for row in read_csv(paths["onet_2010_2019"]):
        changed[row["O*NET-SOC 2010 Code"]].append(row["O*NET-SOC 2019 Code"])
    links = link_esco_to_noc(
        esco_matches=[
            EscoOnetMatch(row["concept_uri"], row["onet_code"], float(row["confidence"]))
            for row in read_csv(paths["nesta"])
        ],
        onet_2010_to_2019=changed,
        onet_to_noc=[
            OnetNocShare(row["onet_soc_code"], row["noc_2021"], float(row["path_weight"]))
            for row in read_csv(paths["bc"])
        ],
        esco_parents={
            row["conceptUri"]: row["broaderUri"]
            for row in read_csv(paths["esco_broader"])
            if row["conceptType"] == "Occupation" and row["broaderType"] == "Occupation"
        },
        noc_unit_groups=frozenset(NocGroup.objects.unit_groups().values_list("code", flat=True)),
    )
    known = set(EscoOccupation.objects.values_list("uri", flat=True))
    NocEscoLink.objects.all().delete()
    rows = [
        NocEscoLink(
            noc_id=link.noc_code,
            occupation_id=link.esco_uri,
            confidence=link.confidence,
            path=link.path[:250],
            is_inherited=link.is_inherited,
        )
        for link in links
        if link.esco_uri in known
    ]
    for start in progress(
        range(0, len(rows), BATCH), description="NOC–ESCO links", total=len(rows) // BATCH + 1
    ):
        NocEscoLink.objects.bulk_create(rows[start : start + BATCH])
    dataset_record("noc_esco", checksum, len(rows))
    return LoadResult("noc_esco", len(rows), skipped=False)


@transaction.atomic
def regulated_occupations_load_reference(*, force: bool = False) -> LoadResult:
    """Load the permits, cards and licences of regulated NOC unit groups (replaced as a whole:
    the file is the truth, a row removed there is removed here)."""
    path = data_path(REGULATED_OCCUPATIONS_FILE)
    checksum = file_checksum(path)
    if not force and dataset_is_current("regulated_occupations", checksum):
        return LoadResult(
            "regulated_occupations", RegulatedOccupation.objects.count(), skipped=True
        )
    RegulatedOccupation.objects.all().delete()
    rows = [
        RegulatedOccupation(
            noc_id=row["noc_code"],
            permit_code=row["permit_code"],
            kind=row["kind"],
            requirement=row["requirement"],
            regulator_fr=row["regulator_fr"],
            regulator_en=row["regulator_en"],
            permit_fr=row["permit_fr"],
            permit_en=row["permit_en"],
            url=row["url"],
            source_url=row["source_url"],
        )
        for row in read_csv(path)
    ]
    RegulatedOccupation.objects.bulk_create(rows)
    dataset_record("regulated_occupations", checksum, len(rows))
    return LoadResult("regulated_occupations", len(rows), skipped=False)
