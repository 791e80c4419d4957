"""`manage.py privacy_retention` removes what is past its period, and only that."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from maillage.accounts.models import ProfileView, User
from maillage.accounts.tests.factories import AdvisorFactory, UserFactory
from maillage.api.models import ApiToken
from maillage.api.tests.factories import ApiTokenFactory
from maillage.candidates.models import ProofDocument
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.privacy.models import Erasure

pytestmark = pytest.mark.django_db


def _ago(days: int):
    return timezone.now() - timedelta(days=days)


@pytest.fixture
def aged_data():
    advisor = AdvisorFactory(last_login=_ago(1))
    fresh = CandidateProfileFactory(user__last_login=_ago(10))
    ProfileView.objects.create(viewer=advisor, subject=fresh.user, what="old", viewed_at=_ago(800))
    ProfileView.objects.create(viewer=advisor, subject=fresh.user, what="recent", viewed_at=_ago(5))
    UserFactory(email="jamais@example.org", email_confirmed_at=None, date_joined=_ago(40))
    UserFactory(email="hier@example.org", email_confirmed_at=None, date_joined=_ago(1))
    dormant = CandidateProfileFactory(
        user__email="dormant@example.org", user__last_login=_ago(4 * 365)
    )
    old_proof = CandidateProfileFactory(verified_at=_ago(400), user__last_login=_ago(3))
    document = ProofDocument.objects.create(
        candidate=old_proof,
        kind="admission",
        file=SimpleUploadedFile("a.pdf", b"%PDF-1.4 x"),
        original_name="a.pdf",
        content_type="application/pdf",
        size_bytes=10,
    )
    ProofDocument.objects.filter(pk=document.pk).update(uploaded_at=_ago(420))
    revoked = ApiTokenFactory(user=advisor)
    ApiToken.objects.filter(pk=revoked.pk).update(revoked_at=_ago(400))
    return {"dormant": dormant, "fresh": fresh}


def test_dry_run_counts_and_changes_nothing(aged_data):
    out = StringIO()
    call_command("privacy_retention", "--dry-run", stdout=out)
    lines = out.getvalue().splitlines()
    assert "account.record_views: would remove 1" in lines
    assert "account.unconfirmed_accounts: would remove 1" in lines
    assert "privacy.inactive_accounts_erased: would remove 1" in lines
    assert "candidate_profile.proof_documents: would remove 1" in lines
    assert "api_tokens.revoked_tokens: would remove 1" in lines
    assert ProfileView.objects.count() == 2
    assert not Erasure.objects.exists()


def test_the_command_removes_only_what_is_past_its_period(aged_data):
    call_command("privacy_retention", stdout=StringIO())

    assert list(ProfileView.objects.values_list("what", flat=True)) == ["recent"]
    assert not User.objects.filter(email="jamais@example.org").exists()
    assert User.objects.filter(email="hier@example.org").exists()
    dormant = User.objects.get(pk=aged_data["dormant"].user.pk)
    assert (dormant.is_active, Erasure.objects.get(user=dormant).reason) == (False, "retention")
    assert User.objects.get(pk=aged_data["fresh"].user.pk).is_active
    assert not ProofDocument.objects.exists()
    assert not ApiToken.objects.exists()
