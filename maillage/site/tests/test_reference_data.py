import pytest
from django.core.management import call_command

from maillage.core.models import ReferenceDataset
from maillage.regions.models import Municipality, Region
from maillage.taxonomy.models import NocExampleTitle, NocGroup, NocLevel

pytestmark = pytest.mark.django_db


def test_reference_data_is_real_and_complete():
    assert Region.objects.count() == 17
    assert Municipality.objects.count() == 1130
    assert Municipality.objects.exclude(latitude=None).count() == 571
    assert NocGroup.objects.count() == 822
    assert NocGroup.objects.filter(level=NocLevel.UNIT_GROUP).count() == 516
    assert NocExampleTitle.objects.filter(language="fr").count() > 29_000
    welders = NocGroup.objects.get(code="72106")
    assert (welders.teer, welders.parent_id, welders.parent.parent_id) == (2, "7210", "721")
    assert welders.title_fr.startswith("Soudeurs/soudeuses")


def test_program_serves_every_region_but_montreal_and_laval():
    assert set(Region.objects.filter(is_served=False).values_list("name", flat=True)) == {
        "Montréal",
        "Laval",
    }


def test_reloading_is_idempotent_and_keeps_admin_choices(capsys):
    Region.objects.filter(code="06").update(is_served=True)
    titles = NocExampleTitle.objects.count()
    call_command("load_reference_data")
    assert "unchanged" in capsys.readouterr().out
    call_command("load_reference_data", force=True)
    assert Region.objects.count() == 17 and Municipality.objects.count() == 1130
    assert NocExampleTitle.objects.count() == titles
    assert ReferenceDataset.objects.get(name="noc2021").rows == 822
    assert Region.objects.get(code="06").is_served  # the admin's choice survives a reload


def test_municipality_search_ignores_accents_and_case():
    from maillage.regions.selectors import municipality_search

    names = [m.name for m in municipality_search("riviere-du-l")]
    assert "Rivière-du-Loup" in names
    assert municipality_search("MONTREAL")[0].name == "Montréal"
