import pytest
from django.urls import reverse

from maillage.accounts.tests.factories import AdvisorFactory, ManagerFactory
from maillage.employers.tests.factories import CompanyFactory

pytestmark = pytest.mark.django_db


def test_program_manager_reads_the_admin_but_cannot_change_anything(client):
    company = CompanyFactory(legal_name="Ferme Boréale inc.")
    client.force_login(ManagerFactory())
    assert client.get(reverse("admin:index")).status_code == 200
    assert (
        "Ferme Boréale inc."
        in client.get(reverse("admin:employers_company_changelist")).content.decode()
    )
    change_url = reverse("admin:employers_company_change", args=[company.pk])
    assert client.get(change_url).status_code == 200  # a read-only view
    response = client.post(change_url, {"legal_name": "Changé"})
    assert response.status_code == 403
    company.refresh_from_db()
    assert company.legal_name == "Ferme Boréale inc."
    assert client.get(reverse("admin:employers_company_add")).status_code == 403


def test_advisors_are_not_admin_staff(client):
    client.force_login(AdvisorFactory())
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
