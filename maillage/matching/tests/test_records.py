"""What the engine is told about a person who has not said everything yet."""

from datetime import date

import pytest

from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.matching.records import candidate_record
from maillage.matching.selectors import candidate_for_engine
from maillage.regions.models import Region

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("answer", "told"), [(None, False), (False, False), (True, True)])
def test_relocation_not_said_is_not_read_as_a_yes(answer, told):
    profile = CandidateProfileFactory(is_ready_to_relocate=answer, is_open_to_all_regions=False)
    profile.regions_of_interest.set([Region.objects.get(code="01")])
    record = candidate_record(
        candidate_for_engine(profile.pk), today=date(2026, 12, 7), vector=None
    )
    # Not said: only the regions she chose count, as for a "no"; never a move she did not offer.
    assert (record.is_ready_to_relocate, record.region_codes) == (told, frozenset({"01"}))
