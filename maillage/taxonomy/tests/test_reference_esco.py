import pytest
from django.core.management import call_command

from maillage.core.models import ReferenceDataset
from maillage.taxonomy.models import (
    EscoOccupation,
    EscoOccupationSkill,
    EscoRelation,
    EscoSkill,
    NocEscoLink,
    NocGroup,
)

pytestmark = pytest.mark.django_db

WELDER = "http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b"


def test_esco_is_loaded_in_both_languages():
    assert EscoOccupation.objects.count() == 3007
    assert EscoSkill.objects.count() == 13896
    # 67 of the 123,855 relations name a skill or occupation absent from v1.1.1: left out.
    assert EscoOccupationSkill.objects.count() == 123_788
    assert EscoOccupationSkill.objects.filter(relation=EscoRelation.ESSENTIAL).count() == 64_891
    welder = EscoOccupation.objects.get(uri=WELDER)
    assert (welder.label_en, welder.label_fr) == ("welder", "soudeur/soudeuse")
    assert "soudeur" in welder.alt_labels_fr.splitlines()
    assert EscoSkill.objects.exclude(label_fr="").count() == 13_379


def test_noc_groups_are_linked_to_esco_through_the_crosswalks_with_a_path():
    assert NocEscoLink.objects.count() == 6657
    linked = NocGroup.objects.unit_groups().filter(esco_links__isnull=False).distinct().count()
    assert linked == 495
    link = NocEscoLink.objects.get(noc_id="72106", occupation_id=WELDER)
    assert link.confidence == 0.75  # Nesta: confidence 1 of 2; all of 51-4121.00 goes to 72106
    assert (
        link.path == "ESCO → O*NET-SOC 2010 51-4121.06 → O*NET-SOC 2019 51-4121.00 → NOC 2021 72106"
    )
    assert not NocEscoLink.objects.filter(noc_id="00018").exists()  # the census aggregate is split
    assert NocEscoLink.objects.filter(noc_id="00012").exists()


def test_reloading_esco_is_idempotent(capsys):
    call_command("load_reference_data")
    output = capsys.readouterr().out
    assert "esco: 13896 rows unchanged" in output
    assert "noc_esco: 6657 rows unchanged" in output
    assert "language_tools:" in output
    assert "language_tools: 0" not in output
    call_command("load_reference_data", force=True)
    assert EscoOccupationSkill.objects.count() == 123_788
    assert NocEscoLink.objects.count() == 6657
    assert ReferenceDataset.objects.get(name="esco").rows == 13896
