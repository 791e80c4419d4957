"""GET /api/v1/postings: published postings for anyone, filtered, paginated, in few queries."""

import uuid

import pytest

from maillage.employers.models import PostingStatus
from maillage.employers.tests.factories import (
    CompanyFactory,
    JobPostingFactory,
    PostingSkillFactory,
)
from maillage.regions.models import Municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def postings():
    rimouski = JobPostingFactory(title="Soudeur/soudeuse", noc_id="72106")
    PostingSkillFactory(posting=rimouski, label="soudage MIG", is_required=True)
    PostingSkillFactory(posting=rimouski, label="oxycoupage", is_required=False)
    saguenay = Municipality.objects.get(name="Saguenay")
    company = CompanyFactory(municipality=saguenay)
    cook = JobPostingFactory(company=company, title="Cuisinier", noc_id="63200")
    JobPostingFactory(title="Brouillon", status=PostingStatus.DRAFT)
    JobPostingFactory(title="Fermé", status=PostingStatus.CLOSED)
    return {"welder": rimouski, "cook": cook}


def _titles(response) -> list[str]:
    return [item["title"] for item in response.json()["items"]]


def test_anyone_lists_only_published_postings_with_their_skills(
    client, postings, django_assert_num_queries
):
    with django_assert_num_queries(3):  # count, page, skills
        response = client.get("/api/v1/postings")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert sorted(_titles(response)) == ["Cuisinier", "Soudeur/soudeuse"]
    welder = next(item for item in body["items"] if item["title"] == "Soudeur/soudeuse")
    assert welder["required_skills"] == ["soudage MIG"]
    assert welder["nice_to_have_skills"] == ["oxycoupage"]
    assert welder["municipality"] == {
        "code": postings["welder"].municipality.code,
        "name": "Rimouski",
        "region": {"code": "01", "name": "Bas-Saint-Laurent"},
    }
    assert welder["salary_min"] == "25.00"
    assert welder["url"].endswith(f"/employers/postings/{postings['welder'].public_id}/")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("region=01", ["Soudeur/soudeuse"]),
        ("region=02", ["Cuisinier"]),
        ("noc=7", ["Soudeur/soudeuse"]),
        ("noc=63200", ["Cuisinier"]),
        ("q=cuisinier", ["Cuisinier"]),
        ("q=soudeuse", ["Soudeur/soudeuse"]),
        ("region=03", []),
    ],
)
def test_filters(client, postings, query, expected):
    assert _titles(client.get(f"/api/v1/postings?{query}")) == expected


def test_filter_by_municipality(client, postings):
    code = postings["cook"].municipality.code
    assert _titles(client.get(f"/api/v1/postings?municipality={code}")) == ["Cuisinier"]


def test_pages(client, postings):
    first = client.get("/api/v1/postings?page_size=1").json()
    second = client.get("/api/v1/postings?page_size=1&page=2").json()
    beyond = client.get("/api/v1/postings?page_size=1&page=3").json()
    assert (first["count"], first["page"], first["page_size"]) == (2, 1, 1)
    assert {first["items"][0]["title"], second["items"][0]["title"]} == {
        "Cuisinier",
        "Soudeur/soudeuse",
    }
    assert beyond["items"] == []


@pytest.mark.parametrize(
    "query", ["region=1", "noc=abc", "page=0", "page_size=101", "municipality=12"]
)
def test_bad_filters_answer_422_with_the_field(client, postings, query):
    response = client.get(f"/api/v1/postings?{query}", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid"
    assert body["message"] == "The request is not valid: see the errors of each field."
    assert body["errors"][0]["field"] == query.split("=")[0]


def test_text_a_database_cannot_store_is_refused_not_crashed(client, postings):
    response = client.get("/api/v1/postings", {"q": "sou\x00deur"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "q"


def test_a_draft_is_not_found_in_french_by_default(client, postings):
    draft = JobPostingFactory(status=PostingStatus.DRAFT)
    response = client.get(f"/api/v1/postings/{draft.public_id}")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert response.json()["message"] == "Rien n'a été trouvé à cette adresse."


def test_a_published_posting_in_detail(client, postings):
    response = client.get(f"/api/v1/postings/{postings['cook'].public_id}")
    assert response.status_code == 200
    assert response.json()["company"]["name"] == postings["cook"].company.legal_name


def test_unknown_id_is_404(client):
    assert client.get(f"/api/v1/postings/{uuid.uuid4()}").status_code == 404


def test_regions(client):
    regions = client.get("/api/v1/regions").json()
    assert len(regions) == 17
    assert regions[0] == {"code": "01", "name": "Bas-Saint-Laurent"}


def test_anonymous_callers_are_throttled_with_retry_after(client, settings, postings):
    from config.api import api

    throttle = api.throttle[0]
    original = throttle.rate, throttle.num_requests, throttle.duration
    throttle.rate = "2/m"
    throttle.num_requests, throttle.duration = throttle.parse_rate("2/m")
    try:
        statuses = [client.get("/api/v1/regions").status_code for _ in range(3)]
        last = client.get("/api/v1/regions", HTTP_ACCEPT_LANGUAGE="en")
    finally:
        throttle.rate, throttle.num_requests, throttle.duration = original
    assert statuses == [200, 200, 429]
    assert last.json() == {
        "code": "throttled",
        "message": "Too many requests. Wait a moment and try again.",
        "errors": [],
    }
    assert int(last["Retry-After"]) >= 1
