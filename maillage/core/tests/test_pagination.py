"""The advisors' queues show 50 records a page, in the same number of queries whatever their length."""

import pytest
from django.urls import reverse

from maillage.accounts.tests.factories import AdvisorFactory
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.core.choices import VerificationStatus
from maillage.employers.tests.factories import CompanyFactory

pytestmark = pytest.mark.django_db


def test_candidates_to_verify_come_fifty_a_page(client, django_assert_max_num_queries):
    CandidateProfileFactory.create_batch(53, verification_status=VerificationStatus.PENDING)
    client.force_login(AdvisorFactory())

    with django_assert_max_num_queries(8):
        first = client.get(reverse("candidates:verification-queue"))
    second = client.get(reverse("candidates:verification-queue"), {"page": 2})
    beyond = client.get(reverse("candidates:verification-queue"), {"page": "99"})

    assert len(first.context["candidates"]) == 50
    assert len(second.context["candidates"]) == 3
    assert beyond.context["page"].number == 2
    assert "Page 1 sur 2" in first.content.decode()
    assert 'rel="next"' in first.content.decode()


def test_employers_to_verify_are_paginated(client):
    CompanyFactory.create_batch(51, verification_status=VerificationStatus.PENDING)
    client.force_login(AdvisorFactory())
    assert (
        len(client.get(reverse("employers:verification-queue"), {"page": "x"}).context["companies"])
        == 50
    )
