"""GET /api/v1/employer/postings/{id}/shortlist: approved, consenting candidates only, with only
what each shared; every candidate returned is in the audit log."""

import pytest

from maillage.accounts.models import ProfileView
from maillage.api.tests.factories import ApiTokenFactory, bearer
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.tests.factories import CompanyMemberFactory, JobPostingFactory
from maillage.prequalification.models import ProposalStatus
from maillage.prequalification.tests.factories import ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shortlist():
    member = CompanyMemberFactory()
    posting = JobPostingFactory(company=member.company)
    shared = ProposalFactory(
        posting=posting,
        candidate=CandidateProfileFactory(user__full_name="Amina Diallo", phone="418-555-0101"),
        status=ProposalStatus.SHORTLISTED,
        shared_sections=["contact"],
    )
    ProposalFactory(posting=posting, status=ProposalStatus.PROPOSED)  # not approved yet
    ProposalFactory(posting=posting, status=ProposalStatus.REJECTED)
    return {
        "member": member,
        "posting": posting,
        "shared": shared,
        "token": ApiTokenFactory(user=member.user),
    }


def test_the_employer_sees_only_approved_consenting_candidates_and_what_they_shared(
    client, shortlist
):
    response = client.get(
        f"/api/v1/employer/postings/{shortlist['posting'].public_id}/shortlist",
        **bearer(shortlist["token"]),
    )

    assert response.status_code == 200
    entries = response.json()
    assert [e["full_name"] for e in entries] == ["Amina Diallo"]
    entry = entries[0]
    assert entry["shared"] == {
        "contact": {"email": shortlist["shared"].candidate.user.email, "phone": "418-555-0101"}
    }
    assert entry["engine_version"] == "policy-test-1"
    languages = [row for row in entry["requirements"] if row["candidate"] is not None]
    assert languages == []  # no section but contact shared: no candidate value shown
    assert (
        ProfileView.objects.filter(
            viewer=shortlist["member"].user, subject=shortlist["shared"].candidate.user
        ).count()
        == 1
    )


def test_another_companys_short_list_is_not_found_and_not_logged(client, shortlist):
    other = ApiTokenFactory(user=CompanyMemberFactory().user)
    response = client.get(
        f"/api/v1/employer/postings/{shortlist['posting'].public_id}/shortlist", **bearer(other)
    )
    assert response.status_code == 404
    assert not ProfileView.objects.exists()


def test_a_candidate_cannot_read_short_lists(client, shortlist):
    token = ApiTokenFactory(user=CandidateProfileFactory().user)
    response = client.get(
        f"/api/v1/employer/postings/{shortlist['posting'].public_id}/shortlist", **bearer(token)
    )
    assert response.status_code == 403
    assert not ProfileView.objects.exists()
