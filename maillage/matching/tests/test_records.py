"""What the engine is told about a person who has not said everything yet."""

from datetime import date

import pytest

from maillage.candidates.models import Relocation
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.tests.factories import JobPostingFactory
from maillage.matching.records import candidate_record, posting_record
from maillage.matching.selectors import candidate_for_engine
from maillage.regions.models import Region

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("answer", "told", "with_aid"),
    [
        ("", False, False),
        (Relocation.NO, False, False),
        (Relocation.YES, True, False),
        (Relocation.WITH_AID, False, True),
    ],
)
def test_relocation_not_said_is_not_read_as_a_yes(answer, told, with_aid):
    profile = CandidateProfileFactory(relocation=answer, is_open_to_all_regions=False)
    profile.regions_of_interest.set([Region.objects.get(code="01")])
    record = candidate_record(
        candidate_for_engine(profile.pk), today=date(2026, 12, 7), vector=None
    )
    # Not said: only the regions she chose count, as for a "no"; never a move she did not offer.
    assert (record.is_ready_to_relocate, record.region_codes) == (told, frozenset({"01"}))
    assert record.relocates_only_with_aid is with_aid


@pytest.mark.parametrize("offered", [False, True])
def test_the_posting_tells_the_engine_whether_it_offers_a_relocation_allowance(offered):
    posting = JobPostingFactory(offers_relocation_allowance=offered)
    assert posting_record(posting, vector=None).offers_relocation_allowance is offered
