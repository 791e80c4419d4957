"""Regulated occupations as rules (issue 15, part 3), through the pages: an employer requires a
permit of the posting's occupation, a candidate says where they stand with it, and « Mes
jumelages » says why a job is closed, or what obtaining the permit would open."""

from datetime import date
from html import unescape

import pytest
from django.urls import reverse

from maillage.candidates.models import CandidateProfile, PermitStatus
from maillage.candidates.services import candidate_permits_update
from maillage.employers.models import JobPosting
from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.employers.tests.test_postings import posting_data
from maillage.matching import doors
from maillage.matching.models import MatchResult
from maillage.matching.services import candidate_rematch, posting_rematch
from maillage.matching.tests.conftest import TODAY
from maillage.matching.tests.test_must_haves import _driver as driver_create
from matchcore.engine import PermitStatus as EnginePermitStatus

NBSP = "\u00a0"
CLASS_1 = "saaq-classe-1"
CLASS_1_NAME = "Permis de conduire classe 1 (ensemble de véhicules routiers)"


@pytest.fixture(autouse=True)
def _fresh_columns():
    doors.columns_reset()
    yield
    doors.columns_reset()


def _truck_posting(**fields) -> JobPosting:
    return JobPostingFactory(
        title="Chauffeur/chauffeuse de camion à semi-remorque",
        noc_id="73300",
        description="Transport de marchandises en semi-remorque au Québec.",
        required_permits=[CLASS_1],
        **fields,
    )


def _driver(status: str | None) -> CandidateProfile:
    """A driver of Bas-Saint-Laurent since 2019, who says `status` of the class 1 licence."""
    profile = driver_create(date(2019, 1, 1), ())
    if status is not None:
        candidate_permits_update(profile=profile, statuses={CLASS_1: status})
    return profile


def _verdict(posting: JobPosting, profile: CandidateProfile) -> MatchResult:
    candidate_rematch(candidate_id=profile.pk, today=TODAY)
    posting_rematch(posting_id=posting.pk, today=TODAY)
    return MatchResult.objects.get(posting=posting, candidate=profile)


def test_the_statuses_are_the_engine_s():
    assert set(PermitStatus.values) == {status.value for status in EnginePermitStatus}


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (PermitStatus.IN_PROGRESS, "permit_in_progress"),
        (PermitStatus.OBTAINED_ABROAD, "permit_obtained_abroad"),
        (PermitStatus.NONE, "permit_missing"),
        (None, "permit_missing"),
    ],
)
def test_a_driver_without_the_class_1_licence_in_quebec_is_excluded_with_its_reason(
    db, status, code
):
    posting = _truck_posting()
    result = _verdict(posting, _driver(status))
    assert result.is_excluded
    assert {"code": code, "evidence": {"permits": [CLASS_1]}, "is_exclusion": True} in (
        result.reasons
    )


def test_a_driver_who_holds_it_is_listed(db):
    posting = _truck_posting()
    result = _verdict(posting, _driver(PermitStatus.HELD))
    assert not result.is_excluded
    assert not [r for r in result.reasons if r["code"].startswith("permit_")]


def test_when_the_employer_allows_it_a_driver_in_training_is_listed_at_two_stars_at_most(db):
    posting = _truck_posting(shows_missing_must_haves=True)
    result = _verdict(posting, _driver(PermitStatus.IN_PROGRESS))
    assert not result.is_excluded
    assert result.stars <= 2
    assert result.reasons[0] == {
        "code": "permit_in_progress",
        "evidence": {"permits": [CLASS_1], "capped": True},
    }


def test_the_candidate_sets_a_status_and_reads_the_reason_on_my_matches(client, db):
    posting = _truck_posting()
    driver = _driver(None)
    client.force_login(driver.user)
    profile_page = client.get(reverse("candidates:profile")).content.decode()
    assert f'name="permit_{CLASS_1}"' in profile_page
    response = client.post(
        reverse("candidates:permits-update"), {f"permit_{CLASS_1}": "in_progress"}
    )
    assert response["Location"] == reverse("candidates:profile") + "#regulations"
    driver.refresh_from_db()
    assert driver.permits == {CLASS_1: "in_progress"}
    candidate_rematch(candidate_id=driver.pk, today=TODAY)
    page = client.get(reverse("matching:my-matches"), {"include_excluded": "on"})
    html = unescape(page.content.decode())
    assert posting.title in html
    assert f"Ce poste exige{NBSP}: {CLASS_1_NAME}{NBSP}; vous l'avez en cours." in html


def test_an_unknown_permit_or_status_changes_nothing(client, db):
    driver = _driver(PermitStatus.IN_PROGRESS)
    client.force_login(driver.user)
    client.post(reverse("candidates:permits-update"), {f"permit_{CLASS_1}": "bought"})
    client.post(reverse("candidates:permits-update"), {"permit_invented-card": "held"})
    driver.refresh_from_db()
    assert driver.permits == {CLASS_1: "in_progress"}


def test_obtaining_the_licence_is_a_door_with_its_regulator(db):
    posting = JobPostingFactory(noc_id="73300", required_permits=[CLASS_1])
    assert posting.pk
    driver = _driver(PermitStatus.OBTAINED_ABROAD)
    shown = doors.candidate_doors(driver, today=TODAY)
    assert [(d.sentence, d.count, d.help_url) for d in shown] == [
        (f"Obtenir «{NBSP}{CLASS_1_NAME}{NBSP}» ouvre 1 poste", 1, "https://saaq.gouv.qc.ca")
    ]
    assert shown[0].help_label == (
        f"Les démarches{NBSP}: Société de l'assurance automobile du Québec (SAAQ)"
    )


@pytest.fixture
def employer(client, db):
    member = CompanyMemberFactory()
    client.force_login(member.user)
    return member


def test_the_posting_form_offers_the_permits_of_its_occupation(client, employer):
    posting = JobPostingFactory(company=employer.company, noc_id="73300")
    page = client.get(reverse("employers:posting-edit", args=[posting.public_id])).content
    html = unescape(page.decode())
    assert CLASS_1_NAME in html
    assert "Permis de conduire classe 3 (camion porteur)" in html
    assert "Certificat de compétence soudeur" not in html  # a welder's card, not a driver's
    options = client.get(reverse("taxonomy:permit-options"), {"noc": "72106"}).content.decode()
    assert 'value="ccq-soudeur"' in options
    assert 'value="cwb-soudeur"' in options


def test_an_employer_requires_a_permit_and_the_posting_page_says_so(client, employer):
    data = posting_data(
        municipality=employer.company.municipality_id,
        title="Chauffeur/chauffeuse de camion",
        noc="73300",
        required_permits=[CLASS_1],
    )
    client.post(reverse("employers:posting-create"), data)
    posting = JobPosting.objects.get()
    assert posting.required_permits == [CLASS_1]
    detail = client.get(reverse("employers:posting-detail", args=[posting.public_id]))
    assert CLASS_1_NAME in unescape(detail.content.decode())


def test_a_permit_of_another_occupation_is_refused_and_nothing_is_saved(client, employer):
    data = posting_data(municipality=employer.company.municipality_id, required_permits=[CLASS_1])
    response = client.post(reverse("employers:posting-create"), data)  # a welder's posting
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["required_permits"]
    assert not JobPosting.objects.exists()
