"""Complementary suppression: a small count hidden on a partner's dashboard cannot be recovered
by subtracting the counts shown from a total shown elsewhere on it."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from maillage.accounts.models import Role
from maillage.accounts.tests.factories import ManagerFactory, UserFactory
from maillage.analytics.report import hidden_cells
from maillage.employers.models import Company
from maillage.employers.tests.factories import CompanyFactory
from maillage.regions.models import Region

pytestmark = pytest.mark.django_db


def _figures(client, user, params) -> dict[tuple[str, str], float | None]:
    client.force_login(user)
    response = client.get(reverse("analytics:export", args=["csv"]), params)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]
    return {(table, item): float(value) if value else None for table, item, value, _ in rows}


def _recovered(shown: dict[tuple[str, str], float | None]) -> dict[tuple[str, str], float]:
    """The attack: in each table with one hidden cell, any number shown on the dashboard taken
    as the table's total, minus the cells shown, gives the hidden cell."""
    totals = {value for value in shown.values() if value is not None}
    tables: dict[str, list[tuple[str, float | None]]] = {}
    for (table, item), value in shown.items():
        tables.setdefault(table, []).append((item, value))
    guesses = {}
    for table, cells in tables.items():
        hidden = [item for item, value in cells if value is None]
        if len(hidden) != 1:
            continue
        visible = sum(value for _item, value in cells if value is not None)
        guesses[(table, hidden[0])] = {total - visible for total in totals if total > visible}
    return guesses


def test_a_hidden_monthly_count_cannot_be_recovered_from_the_total(client):
    region = Region.objects.get(code="01")
    CompanyFactory.create_batch(8)
    earlier = CompanyFactory.create_batch(3)
    Company.objects.filter(pk__in=[c.pk for c in earlier]).update(
        created_at=timezone.now() - timedelta(days=35)
    )
    exact = _figures(client, ManagerFactory(), {"region": region.pk})
    partner = UserFactory(role=Role.PARTNER, region=region)
    shown = _figures(client, partner, {})

    hidden = [key for key, value in shown.items() if value is None and exact[key]]
    assert hidden, "the scenario must hide at least one count"
    assert shown[("Employeurs", "Employeurs inscrits")] == 11  # the total is shown
    for key, guesses in _recovered(shown).items():
        assert exact[key] not in guesses, f"{key} recovered by subtraction"
    monthly = [key for key in shown if key[0] == "Employeurs inscrits, par mois"]
    assert [shown[key] for key in monthly] == [None, None]  # 3 and, to protect it, 8


@pytest.mark.parametrize(
    ("values", "hidden"),
    [
        ([40, 3, 12], {1, 2}),  # the smallest shown count protects the small one
        ([40, 2, 1, 12], {1, 2, 3}),  # 2 + 1 is still small: one more
        ([40, 3, 2, 12], {1, 2}),  # 3 + 2 is not small: enough
        ([40, 0, 12], set()),  # nothing small, nothing hidden
        ([3, 1], {0, 1}),
        ([30, 7, 3, 0], {1, 2}),  # a zero protects nothing
    ],
)
def test_hidden_cells_adds_complements_until_the_hidden_sum_is_not_small(values, hidden):
    assert hidden_cells(values, threshold=5) == hidden
