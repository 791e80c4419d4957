"""An employer's postings through the API: through employers.services, never half saved."""

from datetime import date

import pytest

from maillage.accounts.models import Role
from maillage.accounts.tests.factories import UserFactory
from maillage.api.tests.factories import ApiTokenFactory, bearer
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.core.choices import VerificationStatus
from maillage.employers.models import JobPosting, PostingStatus
from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.regions.models import Municipality

pytestmark = pytest.mark.django_db

PAYLOAD = {
    "title": "Soudeur/soudeuse de jour",
    "noc": "72106",
    "description": "Souder des structures d'acier selon les plans.",
    "municipality": "10043",  # Rimouski
    "salary_min": "25.50",
    "salary_max": "31.00",
    "start_date": "2027-02-01",
    "required_skills": ["soudage MIG", "lecture de plans", "soudage MIG"],
    "nice_to_have_skills": ["oxycoupage"],
    "min_french_oral_comprehension": 6,
}


@pytest.fixture
def employer():
    member = CompanyMemberFactory()
    member.token = ApiTokenFactory(user=member.user)
    return member


def _post(client, path, token, data=None, method="post"):
    return getattr(client, method)(
        f"/api/v1/employer{path}",
        data or {},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        **bearer(token),
    )


def test_an_employer_creates_a_draft_posting(client, employer):
    response = _post(client, "/postings", employer.token, PAYLOAD)

    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["status"], body["title"], body["salary_min"]) == (
        "draft",
        "Soudeur/soudeuse de jour",
        "25.50",
    )
    assert body["required_skills"] == ["soudage MIG", "lecture de plans"]
    assert body["nice_to_have_skills"] == ["oxycoupage"]
    assert (body["must_haves"], body["shows_missing_must_haves"]) == ([], False)
    posting = JobPosting.objects.get(public_id=body["id"])
    assert (posting.company, posting.created_by, posting.start_date) == (
        employer.company,
        employer.user,
        date(2027, 2, 1),
    )


def test_an_unverified_company_cannot_create_and_nothing_is_saved(client, employer):
    employer.company.verification_status = VerificationStatus.PENDING
    employer.company.save()

    response = _post(client, "/postings", employer.token, PAYLOAD)

    assert response.status_code == 403
    assert response.json()["code"] == "company_not_verified"
    assert not JobPosting.objects.exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"noc": "99999"}, "noc"),
        ({"municipality": "00000"}, "municipality"),
        ({"salary_min": "40.00"}, "__all__"),
        ({"title": ""}, "title"),
        ({"description": "x\x00"}, "description"),
        ({"min_english": 13}, "min_english"),
        ({"salary_min": "NaN"}, "salary_min"),
    ],
)
def test_invalid_postings_answer_422_with_the_field_and_save_nothing(
    client, employer, change, field
):
    response = _post(client, "/postings", employer.token, {**PAYLOAD, **change})

    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert field in [error["field"] for error in response.json()["errors"]]
    assert not JobPosting.objects.exists()


def test_publish_replace_and_close(client, employer):
    public_id = _post(client, "/postings", employer.token, PAYLOAD).json()["id"]

    published = _post(client, f"/postings/{public_id}/publish", employer.token)
    replaced = _post(
        client, f"/postings/{public_id}", employer.token, {**PAYLOAD, "title": "Soudeur"}, "put"
    )
    closed = _post(client, f"/postings/{public_id}/close", employer.token, {"filled": True})
    again = _post(client, f"/postings/{public_id}", employer.token, PAYLOAD, "put")

    assert published.json()["status"] == "published"
    assert published.json()["expires_on"] is not None
    assert replaced.json()["title"] == "Soudeur"
    assert closed.json()["status"] == "filled"
    assert again.status_code == 409
    assert again.json()["code"] == "not_editable"
    assert JobPosting.objects.get(public_id=public_id).title == "Soudeur"


def test_a_draft_cannot_be_closed(client, employer):
    posting = JobPostingFactory(company=employer.company, status=PostingStatus.DRAFT)
    response = _post(
        client, f"/postings/{posting.public_id}/close", employer.token, {"filled": False}
    )
    assert response.status_code == 409
    posting.refresh_from_db()
    assert posting.status == PostingStatus.DRAFT


def test_another_companys_posting_is_not_found_and_unchanged(client, employer):
    other = JobPostingFactory(title="Cuisinier")
    for method, path, data in [
        ("get", f"/postings/{other.public_id}", None),
        ("put", f"/postings/{other.public_id}", PAYLOAD),
        ("post", f"/postings/{other.public_id}/close", {"filled": True}),
    ]:
        assert _post(client, path, employer.token, data, method).status_code == 404
    other.refresh_from_db()
    assert (other.title, other.status) == ("Cuisinier", PostingStatus.PUBLISHED)


def test_the_list_holds_only_the_companys_postings_of_any_status(
    client, employer, django_assert_num_queries
):
    JobPostingFactory(company=employer.company, title="A", status=PostingStatus.DRAFT)
    JobPostingFactory(company=employer.company, title="B")
    JobPostingFactory(title="Autre entreprise")
    client.get("/api/v1/me", **bearer(employer.token))  # last_used_at written once
    with django_assert_num_queries(5):  # token+user, membership+company, count, page, skills
        response = client.get("/api/v1/employer/postings", **bearer(employer.token))
    assert sorted(item["title"] for item in response.json()["items"]) == ["A", "B"]


@pytest.mark.parametrize("role", [Role.CANDIDATE, Role.ADVISOR, Role.MANAGER])
def test_other_roles_are_refused(client, role):
    user = CandidateProfileFactory().user if role == Role.CANDIDATE else UserFactory(role=role)
    token = ApiTokenFactory(user=user)
    response = _post(client, "/postings", token, PAYLOAD)
    assert response.status_code == 403
    assert response.json()["code"] == "not_employer"
    assert not JobPosting.objects.exists()


def test_session_writes_need_the_csrf_token(employer):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(employer.user)

    response = browser.post("/api/v1/employer/postings", PAYLOAD, content_type="application/json")

    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"
    assert not JobPosting.objects.exists()


def test_session_reads_work_for_the_site(client, employer):
    client.force_login(employer.user)
    assert client.get("/api/v1/employer/postings").status_code == 200


def test_must_haves_are_given_and_a_licence_among_the_required_skills_is_one(client, employer):
    payload = {
        **PAYLOAD,
        "must_haves": ["carte ASP Construction"],
        "required_skills": ["soudage MIG", "permis de conduire classe 5"],
        "shows_missing_must_haves": True,
    }
    body = _post(client, "/postings", employer.token, payload).json()
    assert body["must_haves"] == ["carte ASP Construction", "permis de conduire classe 5"]
    assert body["required_skills"] == ["soudage MIG"]
    assert body["shows_missing_must_haves"] is True


def test_publishing_in_montreal_through_the_api_waits_for_a_confirmation(client, employer):
    montreal = Municipality.objects.get(name="Montréal", region__code="06")
    posting = JobPostingFactory(
        company=employer.company, status=PostingStatus.DRAFT, municipality=montreal
    )
    path = f"/postings/{posting.public_id}/publish"
    refused = _post(client, path, employer.token)
    assert refused.status_code == 409
    assert refused.json()["code"] == "region_not_served"
    posting.refresh_from_db()
    assert posting.status == PostingStatus.DRAFT
    confirmed = _post(client, f"{path}?confirm_unserved_region=true", employer.token)
    assert confirmed.json()["status"] == "published"
