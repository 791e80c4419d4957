from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from maillage.employers.models import PostingStatus
from maillage.employers.tasks import expire_postings
from maillage.employers.tests.factories import JobPostingFactory

pytestmark = pytest.mark.django_db


def test_the_periodic_job_expires_a_posting_past_its_end_date():
    yesterday = timezone.localdate() - timedelta(days=1)
    due = JobPostingFactory(expires_on=yesterday)
    current = JobPostingFactory(expires_on=timezone.localdate())
    assert expire_postings.delay().get() == 1
    due.refresh_from_db()
    current.refresh_from_db()
    assert (due.status, current.status) == (PostingStatus.EXPIRED, PostingStatus.PUBLISHED)


def test_the_cron_command_expires_the_same_postings(capsys):
    JobPostingFactory(expires_on=timezone.localdate() - timedelta(days=1))
    call_command("expire_postings")
    assert "1 posting(s) expired" in capsys.readouterr().out
