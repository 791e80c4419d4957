"""Regulated occupations (issue 15): the reference data loads, every row names a NOC 2021 unit
group, and a candidate whose occupation is regulated sees the permit, the regulator and the steps."""

import csv

from django.urls import reverse

from maillage.candidates.tests.factories import WorkExperienceFactory
from maillage.core.reference import data_path
from maillage.taxonomy.models import NocLevel, RegulatedOccupation, RegulationKind
from maillage.taxonomy.selectors import regulations_for_nocs
from maillage.taxonomy.services import (
    REGULATED_OCCUPATIONS_FILE,
    regulated_occupations_load_reference,
)


def _rows() -> list[dict[str, str]]:
    with data_path(REGULATED_OCCUPATIONS_FILE).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_row_is_loaded_on_a_unit_group(db):
    rows = _rows()
    assert RegulatedOccupation.objects.count() == len(rows) == 80
    assert {r.noc.level for r in RegulatedOccupation.objects.select_related("noc")} == {
        NocLevel.UNIT_GROUP
    }
    assert len({row["noc_code"] for row in rows}) == 75
    assert {row["kind"] for row in rows} == set(RegulationKind.values)
    assert all(row["url"].startswith("https://") for row in rows)
    assert all(row["source_url"].startswith("https://") for row in rows)


def test_a_permit_code_names_one_permit_of_one_regulator(db):
    """Postings and candidates refer to a permit by its code: each code has one name, one
    regulator, one kind, wherever it appears (an engineer's licence serves ten unit groups)."""
    rows = _rows()
    by_code: dict[str, set[tuple[str, ...]]] = {}
    for row in rows:
        by_code.setdefault(row["permit_code"], set()).add(
            tuple(row[k] for k in ("kind", "requirement", "regulator_fr", "permit_fr", "permit_en"))
        )
    assert len(by_code) == 68
    assert all(len(permits) == 1 for permits in by_code.values())
    assert all(code == code.lower() and " " not in code for code in by_code)


def test_loading_again_changes_nothing(db):
    before = list(RegulatedOccupation.objects.values_list("noc_id", "permit_fr"))
    assert regulated_occupations_load_reference(force=True).rows == len(before)
    assert list(RegulatedOccupation.objects.values_list("noc_id", "permit_fr")) == before


def test_a_truck_driver_needs_a_saaq_class_and_a_welder_three_papers(db):
    drivers = {r.permit_fr for r in regulations_for_nocs(["73300"])}
    assert drivers == {
        "Permis de conduire classe 1 (ensemble de véhicules routiers)",
        "Permis de conduire classe 3 (camion porteur)",
    }
    welders = {r.regulator_fr for r in regulations_for_nocs(["72106"])}
    assert welders == {
        "Commission de la construction du Québec (CCQ)",
        "Emploi-Québec (qualification professionnelle obligatoire)",
        "Bureau canadien de soudage (CWB)",
    }
    assert regulations_for_nocs(["21231"]) == []  # software engineers: no permit to do the work


def test_a_welder_sees_the_regulators_and_the_steps_on_the_profile(client, db):
    experience = WorkExperienceFactory()  # a welder, NOC 72106
    client.force_login(experience.candidate.user)
    page = client.get(reverse("candidates:profile")).content.decode()
    assert "Votre profession est réglementée au Québec" in page
    assert "Certificat de compétence soudeur (sur les chantiers)" in page
    assert 'href="https://www.ccq.org"' in page
    assert "demandez à la CCQ de reconnaître vos heures" in page
    assert "Habituellement demandé par les employeurs" in page  # the CWB ticket
