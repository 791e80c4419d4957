"""One employer-participation figure: the activities page and the program figures show the same
share for the same data (activities.selectors.employer_participation, its one definition)."""

from html import unescape

import pytest
from django.core.cache import cache
from django.urls import reverse

from maillage.accounts.tests.factories import AdvisorFactory, ManagerFactory
from maillage.activities.services import employer_attendance_record
from maillage.activities.tests.factories import EmployerRegistrationFactory
from maillage.core.choices import VerificationStatus
from maillage.employers.tests.factories import CompanyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def took_part():
    """Three verified employers, one of which took part; a pending one took part too (it is not
    yet an employer of the program, so it counts in neither part of the share)."""
    verified = CompanyFactory.create_batch(3)
    pending = CompanyFactory(verification_status=VerificationStatus.PENDING)
    for company in (verified[0], pending):
        employer_attendance_record(
            registration=EmployerRegistrationFactory(company=company), attended=True
        )
    cache.clear()


def test_the_activities_page_and_the_program_figures_show_the_same_share(client, took_part):
    client.force_login(AdvisorFactory())
    activities = unescape(client.get(reverse("activities:activity-list")).content.decode())
    assert (
        "Employeurs vérifiés ayant participé à au moins une activité\u00a0: 1 sur 3 (33,3\u00a0%)."
        in activities
    )
    client.force_login(ManagerFactory())
    figures = unescape(client.get(reverse("analytics:dashboard")).content.decode())
    assert (
        '<th scope="row">Part des employeurs vérifiés ayant participé à une activité</th>'
        "<td>33,3\u00a0%</td>"
    ) in figures
    assert '<th scope="row">Ont participé à au moins une activité</th><td>1</td>' in figures


def test_only_the_program_team_sees_the_figure_on_the_activities_page(client, took_part):
    page = client.get(reverse("activities:activity-list")).content.decode()
    assert "Employeurs vérifiés ayant participé" not in unescape(page)
