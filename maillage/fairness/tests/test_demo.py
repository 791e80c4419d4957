import pytest
from django.utils import timezone

from maillage.fairness.models import AuditDeclaration
from maillage.fairness.selectors import audit_report
from maillage.site.demo import load_demo_data

pytestmark = pytest.mark.django_db


def test_the_demo_gives_the_fairness_audit_declarations_to_read():
    load_demo_data(candidates=24, companies=8, today=timezone.localdate())
    declared = AuditDeclaration.objects.count()
    assert 10 <= declared < 24  # most, not all: answering is voluntary
    report = audit_report()
    assert report.people >= 10  # verified people who consented, as the audit page counts them
    assert report.stages
