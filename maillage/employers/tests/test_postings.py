from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from maillage.accounts.tests.factories import ManagerFactory
from maillage.core.choices import VerificationStatus
from maillage.employers import services
from maillage.employers.models import JobPosting, PostingStatus
from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.regions.models import Municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def employer(client):
    member = CompanyMemberFactory()
    client.force_login(member.user)
    return member


def posting_data(**overrides):
    return {
        "title": "Soudeur/soudeuse",
        "noc": "72106",
        "description": "Souder des structures d'acier.",
        "required_skills": "Soudage MIG\nLecture de plans\n\nSoudage MIG",
        "nice_to_have_skills": "Soudage TIG",
        "min_education": "2",
        "min_years_experience": "2",
        "min_french_oral_comprehension": "6",
        "employment_type": "full_time",
        "salary_min": "25",
        "salary_max": "32",
        "salary_period": "hour",
        "municipality": "",
        "positions": "2",
        "start_date": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "accepts_employer_specific_permit": "on",
        **overrides,
    }


def test_verified_employer_creates_a_draft_with_its_skills(client, employer):
    response = client.post(
        reverse("employers:posting-create"),
        posting_data(municipality=employer.company.municipality_id),
    )
    posting = JobPosting.objects.get()
    assert response["Location"] == reverse("employers:posting-detail", args=[posting.public_id])
    assert posting.status == PostingStatus.DRAFT
    assert [(s.label, s.is_required) for s in posting.skills.order_by("-is_required", "label")] == [
        ("Lecture de plans", True),
        ("Soudage MIG", True),
        ("Soudage TIG", False),
    ]


def test_minimum_salary_above_maximum_is_refused_and_the_form_keeps_everything(client, employer):
    data = posting_data(
        municipality=employer.company.municipality_id, salary_min="40", salary_max="30"
    )
    response = client.post(reverse("employers:posting-create"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["salary_max"]
    assert form["description"].value() == "Souder des structures d'acier."
    assert not JobPosting.objects.exists()


def test_unverified_company_cannot_create_postings(client):
    member = CompanyMemberFactory(company__verification_status=VerificationStatus.PENDING)
    client.force_login(member.user)
    response = client.post(
        reverse("employers:posting-create"),
        posting_data(municipality=member.company.municipality_id),
    )
    assert response["Location"] == reverse("employers:company")
    assert not JobPosting.objects.exists()


def test_posting_moves_draft_published_filled_only_through_its_service(employer):
    posting = JobPostingFactory(company=employer.company, status=PostingStatus.DRAFT)
    today = timezone.localdate()
    posting = services.posting_publish(posting=posting, today=today)
    assert (posting.status, posting.expires_on) == (
        PostingStatus.PUBLISHED,
        today + timedelta(days=60),
    )
    with pytest.raises(services.PostingTransitionError):
        services.posting_publish(posting=posting, today=today)
    posting = services.posting_close(posting=posting, filled=True)
    assert posting.status == PostingStatus.FILLED
    with pytest.raises(services.PostingTransitionError):
        services.posting_close(posting=posting, filled=False)


def test_published_postings_past_their_date_expire():
    due = JobPostingFactory(expires_on=date(2026, 11, 25))
    current = JobPostingFactory(expires_on=date(2026, 11, 26))
    assert services.postings_expire_due(today=date(2026, 11, 26)) == 1
    due.refresh_from_db()
    current.refresh_from_db()
    assert (due.status, current.status) == (PostingStatus.EXPIRED, PostingStatus.PUBLISHED)


def test_another_employer_cannot_see_edit_or_publish_a_draft(client, employer):
    draft = JobPostingFactory(status=PostingStatus.DRAFT)
    assert (
        client.get(reverse("employers:posting-detail", args=[draft.public_id])).status_code == 404
    )
    assert (
        client.post(
            reverse("employers:posting-edit", args=[draft.public_id]), posting_data()
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("employers:posting-transition", args=[draft.public_id, "publish"])
        ).status_code
        == 404
    )
    draft.refresh_from_db()
    assert (draft.status, draft.title) == (PostingStatus.DRAFT, "Soudeur/soudeuse")


def test_published_posting_is_public_and_a_draft_is_not(client):
    published = JobPostingFactory()
    draft = JobPostingFactory(status=PostingStatus.DRAFT)
    assert (
        client.get(reverse("employers:posting-detail", args=[published.public_id])).status_code
        == 200
    )
    assert (
        client.get(reverse("employers:posting-detail", args=[draft.public_id])).status_code == 404
    )
    client.force_login(ManagerFactory())
    assert (
        client.get(reverse("employers:posting-detail", args=[draft.public_id])).status_code == 200
    )


def test_publish_through_the_page(client, employer):
    draft = JobPostingFactory(company=employer.company, status=PostingStatus.DRAFT)
    client.post(reverse("employers:posting-transition", args=[draft.public_id, "publish"]))
    draft.refresh_from_db()
    assert draft.status == PostingStatus.PUBLISHED


def test_posting_list_uses_a_fixed_number_of_queries(client, employer, django_assert_num_queries):
    JobPostingFactory.create_batch(4, company=employer.company)
    # session, user, membership, company, postings with NOC and place, unread notifications
    with django_assert_num_queries(6):
        client.get(reverse("employers:posting-list"))


def test_a_licence_among_the_required_skills_is_a_must_have_by_default():
    from maillage.employers.requirements import requirements_sorted

    must, required, nice = requirements_sorted(
        ["Carte ASP Construction"],
        ["permis de conduire classe 1", "arrimage des charges", "carte asp construction"],
        ["conduite hivernale", "Arrimage des charges", "certificat SIMDUT"],
    )
    assert must == ["Carte ASP Construction", "permis de conduire classe 1"]
    assert required == ["arrimage des charges"]
    assert nice == ["conduite hivernale", "certificat SIMDUT"]  # an asset stays one


def test_the_employer_marks_must_haves_and_lets_candidates_without_them_through(client, employer):
    client.post(
        reverse("employers:posting-create"),
        posting_data(
            municipality=employer.company.municipality_id,
            must_haves="Carte ASP Construction",
            required_skills="Soudage MIG\nPermis de conduire classe 5",
            shows_missing_must_haves="on",
        ),
    )
    posting = JobPosting.objects.get()
    assert posting.shows_missing_must_haves
    skills = {s.label: (s.is_required, s.is_must_have) for s in posting.skills.all()}
    assert skills == {
        "Carte ASP Construction": (True, True),
        "Permis de conduire classe 5": (True, True),
        "Soudage MIG": (True, False),
        "Soudage TIG": (False, False),
    }
    page = client.get(reverse("employers:posting-edit", args=[posting.public_id]))
    form = page.context["form"]
    assert form["must_haves"].value() == "Carte ASP Construction\nPermis de conduire classe 5"
    assert form["required_skills"].value() == "Soudage MIG"


def montreal():
    return Municipality.objects.get(name="Montréal", region__code="06")


def test_publishing_where_the_program_does_not_serve_warns_and_waits_for_a_confirmation(
    client, employer
):
    posting = JobPostingFactory(
        company=employer.company, status=PostingStatus.DRAFT, municipality=montreal()
    )
    page = client.get(reverse("employers:posting-detail", args=[posting.public_id]))
    warning = (
        "Montréal n'est pas une des régions que sert le programme\u00a0: ses personnes candidates "
        "cherchent du travail en région, cette offre en joindra donc peu."
    )
    assert page.context["region_warning"] == warning
    publish = reverse("employers:posting-transition", args=[posting.public_id, "publish"])
    client.post(publish)
    posting.refresh_from_db()
    assert (posting.status, posting.published_at) == (PostingStatus.DRAFT, None)
    client.post(publish, {"confirm_unserved_region": "1"})
    posting.refresh_from_db()
    assert posting.status == PostingStatus.PUBLISHED


def test_a_posting_in_a_served_region_publishes_without_a_warning(client, employer):
    posting = JobPostingFactory(company=employer.company, status=PostingStatus.DRAFT)
    page = client.get(reverse("employers:posting-detail", args=[posting.public_id]))
    assert page.context["region_warning"] == ""
    client.post(reverse("employers:posting-transition", args=[posting.public_id, "publish"]))
    posting.refresh_from_db()
    assert posting.status == PostingStatus.PUBLISHED


def test_a_colleague_edits_a_posting_whose_author_left(client, employer):
    # The author's account was erased (created_by emptied): the posting stays the company's.
    posting = JobPostingFactory(company=employer.company, created_by=None)
    response = client.post(
        reverse("employers:posting-edit", args=[posting.public_id]),
        posting_data(municipality=employer.company.municipality_id, title="Soudeur de nuit"),
    )
    assert response.status_code == 302
    posting.refresh_from_db()
    assert posting.title == "Soudeur de nuit"
