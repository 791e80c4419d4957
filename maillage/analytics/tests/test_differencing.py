"""Differencing: no small count hidden from a regional partner can be worked out by subtracting
figures the partner can ask for with different filters (a period, a chamber, an occupation
category), whatever the data. Hypothesis draws small regions' data; every filter combination
is asked through the partner's export; the attack subtracts, for each row, the figures of
nested filter combinations (all of a region's employers minus those of one chamber…) and of
disjoint ones (the employers minus those of chamber A and of chamber B…)."""

import csv
import io
from datetime import date, datetime, time, timedelta
from itertools import combinations, product

import pytest
from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from maillage.accounts.models import Role
from maillage.accounts.tests.factories import UserFactory
from maillage.candidates.models import CandidateProfile
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.models import Company
from maillage.employers.tests.factories import CompanyFactory
from maillage.regions.models import ChamberOfCommerce, Region
from maillage.taxonomy.models import NocGroup, NocLevel

pytestmark = pytest.mark.django_db(transaction=False)

FIRST_DAY = date(2026, 10, 1)
DAYS = 61  # October and November: two months of figures
MIDDLE = FIRST_DAY + timedelta(days=31)
STARTS = (None, MIDDLE)
ENDS = (None, MIDDLE - timedelta(days=1))
CATEGORIES = ("", "2", "7")  # all, natural sciences, trades
PERCENT_TABLES_OR_OTHER = ("%", "jours")


def _at(day: int) -> datetime:
    return timezone.make_aware(datetime.combine(FIRST_DAY + timedelta(days=day), time(12)))


def _shown(client, params: dict) -> dict[tuple[str, str], int | None]:
    """The partner's export for these filters: (table, row) → count, None when hidden. Shares
    and the median are left out: they are not counts one can subtract."""
    response = client.get(reverse("analytics:export", args=["csv"]), params)
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1:]
    return {
        (table, item): None if not value else int(float(value))
        for table, item, value, text in rows
        if not any(mark in text for mark in PERCENT_TABLES_OR_OTHER) and text != "—"
    }


def _refines(small: tuple, big: tuple) -> bool:
    """Every person the `small` filters keep, the `big` ones keep too."""
    (start_s, end_s, chamber_s, noc_s), (start_b, end_b, chamber_b, noc_b) = small, big
    return (
        (start_b is None or (start_s is not None and start_s >= start_b))
        and (end_b is None or (end_s is not None and end_s <= end_b))
        and chamber_b in (None, chamber_s)
        and noc_b in ("", noc_s)
    )


def _disjoint_children(parent: tuple, combos: list[tuple]) -> list[list[tuple]]:
    """Groups of filter combinations that split `parent` along one filter (chambers, categories,
    the two halves of the period) into disjoint parts."""
    start, end, chamber, noc = parent
    groups = []
    if chamber is None:
        groups.append([c for c in combos if c[:2] == (start, end) and c[3] == noc and c[2]])
    if noc == "":
        groups.append([c for c in combos if c[:3] == (start, end, chamber) and c[3]])
    if start is None and end is None:
        groups.append([(MIDDLE, None, chamber, noc), (None, MIDDLE - timedelta(1), chamber, noc)])
    return groups


def _leaks(shown: dict[tuple, dict]) -> list[str]:
    threshold = settings.SMALL_COUNT_THRESHOLD
    combos = list(shown)
    found = []

    def check(what: str, key, value: int) -> None:
        if 0 < value < threshold:
            found.append(f"{key}: {what} = {value}")

    for small, big in product(combos, combos):
        if small != big and _refines(small, big):
            for key, value in shown[big].items():
                if value is not None and shown[small].get(key) is not None:
                    check(f"{big} − {small}", key, value - shown[small][key])
    for parent in combos:
        for children in _disjoint_children(parent, combos):
            for size in range(1, len(children) + 1):
                for chosen in combinations(children, size):
                    for key, value in shown[parent].items():
                        parts = [shown[c].get(key) for c in chosen]
                        if value is not None and None not in parts:
                            check(f"{parent} − Σ{chosen}", key, value - sum(parts))
    return found


people = st.lists(
    st.tuples(st.integers(0, DAYS - 1), st.integers(0, 2)),  # day registered, chamber or category
    max_size=9,
)


@hypothesis_settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(employers=people, candidates=people)
def test_no_hidden_count_is_deduced_by_subtracting_filtered_figures(client, employers, candidates):
    region = Region.objects.get(code="01")
    partner = UserFactory(role=Role.PARTNER, region=region)
    client.force_login(partner)
    with transaction.atomic():
        chambers = [None] + [
            ChamberOfCommerce.objects.create(name=f"Chambre test {i}", region=region)
            for i in (1, 2)
        ]
        categories = [None] + [
            NocGroup.objects.filter(level=NocLevel.UNIT_GROUP, code__startswith=c).first()
            for c in CATEGORIES[1:]
        ]
        for day, chamber in employers:
            company = CompanyFactory(chamber=chambers[chamber])
            Company.objects.filter(pk=company.pk).update(created_at=_at(day))
        for day, category in candidates:
            profile = CandidateProfileFactory()
            CandidateProfile.objects.filter(pk=profile.pk).update(created_at=_at(day))
            if categories[category] is not None:
                profile.desired_occupations.add(categories[category])
        shown = {}
        for start, end, chamber, noc in product(STARTS, ENDS, chambers, CATEGORIES):
            if start and end and start > end:
                continue
            params = {"noc_category": noc}
            params |= {"start": start.isoformat()} if start else {}
            params |= {"end": end.isoformat()} if end else {}
            params |= {"chamber": chamber.pk} if chamber else {}
            combo = (start, end, chamber.pk if chamber else None, noc)
            shown[combo] = _shown(client, params)
        transaction.set_rollback(True)

    assert _leaks(shown) == []
