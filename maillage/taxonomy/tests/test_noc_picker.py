"""The occupation picker (taxonomy/noc/options/) finds the NOC group for what people type: Québec
titles, forms without accents, plural and feminine forms, abbreviations, typos."""

import csv
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from maillage.taxonomy.selectors import noc_unit_group_search

pytestmark = pytest.mark.django_db

EVERYDAY_WORDS = Path(settings.BASE_DIR) / "data" / "quebec_job_words" / "everyday_job_words.csv"


def picked(client, query: str) -> list[str]:
    options = client.get(reverse("taxonomy:noc-options"), {"q": query}).context["options"]
    return [code for code, _label in options]


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("préposé aux bénéficiaires", "33102"),
        ("preposes aux beneficiaires", "33102"),
        ("PAB", "33102"),
        ("chauffeur de camion", "73300"),
        ("camionneur classe 1", "73300"),
        ("opérateur de chariot élévateur", "75101"),
        ("Infirmière auxiliaire", "32101"),
    ],
)
def test_the_issue_s_examples_come_first(client, query, code):
    assert picked(client, query)[0] == code


def test_commis_d_entrepot_lists_the_warehouse_groups_first(client):
    assert set(picked(client, "commis d'entrepôt")[:3]) & {"14400", "14401", "75101"}


def test_a_word_being_typed_still_finds_its_group(client):
    assert "72106" in picked(client, "soudeu")[:3]


def test_close_trades_are_kept_apart(client):
    assert picked(client, "infirmière autorisée")[0] == "31301"
    assert picked(client, "infirmière auxiliaire")[0] == "32101"


def test_codes_and_empty_queries_are_listed_by_code(client):
    assert picked(client, "3310")[:3] == ["33100", "33101", "33102"]
    assert picked(client, "")[0] == "00010"


def test_nonsense_and_symbols_answer_without_error(client):
    for query in ("###", "🙂", "x" * 200):
        response = client.get(reverse("taxonomy:noc-options"), {"q": query})
        assert response.status_code == 200


def test_top_three_on_the_everyday_quebec_job_words():
    """The list of everyday words (data/quebec_job_words/): at least 9 in 10 have their group among
    the first three (0.68 with the substring filter this replaced)."""
    rows = list(csv.DictReader(EVERYDAY_WORDS.open(encoding="utf-8")))
    assert len(rows) >= 60
    found = sum(
        bool(
            set(row["expected_noc"].split())
            & {g.code for g in noc_unit_group_search(row["query"])[:3]}
        )
        for row in rows
    )
    assert found / len(rows) >= 0.9
