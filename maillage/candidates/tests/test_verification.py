import pytest
from django.core import mail
from django.urls import reverse

from maillage.accounts.models import ProfileView, Role
from maillage.accounts.tests.factories import AdvisorFactory, ManagerFactory, UserFactory
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.core.choices import VerificationStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending():
    return CandidateProfileFactory(verification_status=VerificationStatus.PENDING)


def decide(client, profile, decision, note="", capture=None):
    url = reverse("candidates:decide", args=[profile.public_id])
    with capture(execute=True):
        return client.post(url, {"decision": decision, "note": note})


def test_queue_lists_pending_candidates_in_a_fixed_number_of_queries(
    client, django_assert_num_queries
):
    for _ in range(3):
        CandidateProfileFactory(verification_status=VerificationStatus.PENDING)
    CandidateProfileFactory()  # verified: not in the queue
    client.force_login(AdvisorFactory())
    with django_assert_num_queries(
        6
    ):  # session, user, count, a page of candidates, documents, unread count
        response = client.get(reverse("candidates:verification-queue"))
    assert len(response.context["candidates"]) == 3


def test_advisor_verifies_and_the_candidate_is_told(
    client, pending, django_capture_on_commit_callbacks
):
    advisor = AdvisorFactory()
    client.force_login(advisor)
    response = decide(client, pending, "verify", capture=django_capture_on_commit_callbacks)
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.verification_status == VerificationStatus.VERIFIED
    assert pending.verified_by == advisor
    assert mail.outbox[0].to == [pending.user.email]


def test_refusal_needs_a_reason_that_the_candidate_then_reads(
    client, pending, django_capture_on_commit_callbacks
):
    client.force_login(AdvisorFactory())
    decide(client, pending, "refuse", note="  ", capture=django_capture_on_commit_callbacks)
    pending.refresh_from_db()
    assert pending.verification_status == VerificationStatus.PENDING

    decide(
        client,
        pending,
        "refuse",
        note="La date sur le document ne correspond pas.",
        capture=django_capture_on_commit_callbacks,
    )
    pending.refresh_from_db()
    assert pending.verification_status == VerificationStatus.REFUSED
    client.force_login(pending.user)
    page = client.get(reverse("candidates:profile")).content.decode()
    assert "La date sur le document ne correspond pas." in page


def test_reviewing_a_candidate_is_logged(client, pending):
    advisor = AdvisorFactory()
    client.force_login(advisor)
    assert client.get(reverse("candidates:review", args=[pending.public_id])).status_code == 200
    view = ProfileView.objects.get()
    assert (view.viewer, view.subject) == (advisor, pending.user)


@pytest.mark.parametrize(
    ("make_user", "expected"),
    [
        (lambda: UserFactory(role=Role.CANDIDATE), 403),
        (lambda: UserFactory(role=Role.EMPLOYER), 403),
        (ManagerFactory, 403),
    ],
)
def test_only_advisors_decide(
    client, pending, make_user, expected, django_capture_on_commit_callbacks
):
    client.force_login(make_user())
    assert (
        decide(client, pending, "verify", capture=django_capture_on_commit_callbacks).status_code
        == expected
    )
    pending.refresh_from_db()
    assert pending.verification_status == VerificationStatus.PENDING
    assert mail.outbox == []


def test_program_manager_reads_the_queue_but_sees_no_decision_buttons(client, pending):
    client.force_login(ManagerFactory())
    assert client.get(reverse("candidates:verification-queue")).status_code == 200
    page = client.get(reverse("candidates:review", args=[pending.public_id])).content.decode()
    assert 'name="decision"' not in page


def test_anonymous_visitor_is_sent_to_login(client, pending):
    response = client.get(reverse("candidates:verification-queue"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
