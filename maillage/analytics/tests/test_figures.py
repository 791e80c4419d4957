"""Program figures: exact counts for the program team, a partner's region only and small counts
suppressed outside the team, the same figures in CSV and Excel, a public page."""

import csv
import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from maillage.accounts.models import Role
from maillage.accounts.tests.factories import AdvisorFactory, ManagerFactory, UserFactory
from maillage.activities.models import EmployerRegistration
from maillage.activities.tests.factories import EmployerRegistrationFactory
from maillage.analytics.figures import Filters, program_figures
from maillage.core.choices import VerificationStatus
from maillage.employers.tests.factories import CompanyFactory, JobPostingFactory
from maillage.interviews.models import FollowUp, FollowUpStatus, InterviewStatus, Placement
from maillage.interviews.tests.factories import in_days, scheduled_interview
from maillage.prequalification.models import ProposalStatus
from maillage.prequalification.tests.factories import ProposalFactory
from maillage.regions.models import Municipality, Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    """Region 01: 6 verified companies and 1 pending, 2 took part in an activity; 7 proposals
    (2 rejected, 1 awaiting review, 4 approved of which 2 short-listed, 1 hired after an
    interview, still employed at 3 months). Region 02: 1 company, 1 proposal (cook)."""
    companies = CompanyFactory.create_batch(6) + [
        CompanyFactory(verification_status=VerificationStatus.PENDING)
    ]
    for company in companies[:2]:
        registration = EmployerRegistrationFactory(company=company)
        EmployerRegistration.objects.filter(pk=registration.pk).update(attended_at=timezone.now())
    posting = JobPostingFactory(company=companies[0])
    for status in [ProposalStatus.REJECTED] * 2 + [
        ProposalStatus.PROPOSED,
        ProposalStatus.CONSENT_REQUESTED,
    ]:
        ProposalFactory(posting=posting, status=status)
    ProposalFactory(
        posting=posting, status=ProposalStatus.SHORTLISTED, shortlisted_at=timezone.now()
    )
    ProposalFactory(posting=posting, status=ProposalStatus.ACCEPTED)
    hired = ProposalFactory(
        posting=posting, status=ProposalStatus.INVITED, shortlisted_at=timezone.now()
    )
    interview = scheduled_interview(
        proposal=hired, starts_at=in_days(-100), status=InterviewStatus.COMPLETED, outcome="hired"
    )
    placement = Placement.objects.create(
        interview=interview,
        candidate=hired.candidate,
        posting=posting,
        company=posting.company,
        position="Soudeuse",
        municipality=posting.municipality,
        region=posting.municipality.region,
        start_date=timezone.localdate() - timedelta(days=95),
    )
    FollowUp.objects.create(
        placement=placement,
        months=3,
        due_on=timezone.localdate(),
        status=FollowUpStatus.DONE,
        is_still_employed=True,
    )
    cook_company = CompanyFactory(municipality=Municipality.objects.get(name="Saguenay"))
    ProposalFactory(
        posting=JobPostingFactory(company=cook_company, noc_id="63200", title="Cuisinier")
    )


def test_the_figures_count_the_pipeline_exactly(program):
    figures = program_figures(Filters())
    assert dict(figures.pipeline) == {
        "proposed": 8,
        "approved": 4,
        "consented": 3,
        "shortlisted": 2,
        "interviewed": 1,
        "offers": 1,
        "hired": 1,
    }
    assert (
        figures.employers_registered,
        figures.employers_verified,
        figures.participation.employers_who_took_part,
    ) == (8, 7, 2)
    assert figures.retention[0] == (3, 1, 1)
    assert figures.placements_by_region == [("Bas-Saint-Laurent", 1)]


def test_filters_by_region_and_occupation(program):
    saguenay = Region.objects.get(code="02")
    assert dict(program_figures(Filters(region=saguenay)).pipeline)["proposed"] == 1
    assert dict(program_figures(Filters(noc_category="6")).pipeline)["proposed"] == 1
    assert dict(program_figures(Filters(noc_category="7")).pipeline)["proposed"] == 7


def test_the_program_team_sees_exact_small_counts(client, program):
    client.force_login(ManagerFactory())
    page = client.get(reverse("analytics:dashboard")).content.decode()
    assert '<th scope="row">Embauches</th><td>1</td>' in page
    assert "moins de 5" not in page
    assert "<svg" in page


def test_a_regional_partner_sees_their_region_with_small_counts_suppressed(client, program):
    partner = UserFactory(role=Role.PARTNER, region=Region.objects.get(code="02"))
    client.force_login(partner)
    response = client.get(
        reverse("analytics:dashboard"), {"region": Region.objects.get(code="01").pk}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["filters"].region.code == "02"  # their own region, whatever was asked
    assert response.context["form"] is None  # no filter: see test_differencing.py
    assert 'name="chamber"' not in page
    assert '<th scope="row">Propositions</th><td>moins de 5</td>' in page


def test_the_exports_hold_the_same_figures(client, program):
    client.force_login(AdvisorFactory())
    csv_response = client.get(reverse("analytics:export", args=["csv"]))
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert ["De la proposition à l'embauche", "Propositions", "8", "8"] in rows
    xlsx = client.get(reverse("analytics:export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    assert ("Propositions", 8) in values
    assert client.get(reverse("analytics:export", args=["pdf"])).status_code == 404


def test_the_public_page_suppresses_small_counts(client, program):
    cache.clear()
    page = client.get(reverse("analytics:public")).content.decode()
    assert '<th scope="row">Propositions</th><td>8</td>' in page
    assert '<th scope="row">Embauches</th><td>moins de 5</td>' in page


def test_candidates_and_employers_have_no_dashboard(client):
    client.force_login(UserFactory(role=Role.CANDIDATE))
    assert client.get(reverse("analytics:dashboard")).status_code == 403
