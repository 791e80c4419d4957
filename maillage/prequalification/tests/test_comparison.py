"""The requirement-by-requirement comparison comes from the engine's evidence (issue 13): the
advisor's and employer's rows and the advisor's chart count experience the engine's way."""

from datetime import date

import pytest
from django.utils import translation

from maillage.candidates.tests.factories import CandidateProfileFactory, WorkExperienceFactory
from maillage.employers.tests.factories import JobPostingFactory, PostingSkillFactory
from maillage.matching.charts import comparison
from maillage.matching.evidence import pair_reasons, requirement_evidence
from maillage.matching.models import MatchResult
from maillage.prequalification.comparison import requirement_rows
from maillage.prequalification.selectors import profile_for_comparison

TODAY = date(2026, 11, 26)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.mark.django_db
def test_rows_and_chart_count_only_the_years_the_engine_counts():
    posting = JobPostingFactory(noc_id="72106", min_years_experience=2)
    PostingSkillFactory(posting=posting, label="permis de conduire classe 5", is_must_have=True)
    # Five years in an office job: before, the rows counted them all (no welding experience).
    profile = CandidateProfileFactory()
    WorkExperienceFactory(candidate=profile, noc_id="13110", title="Adjoint administratif")
    profile = profile_for_comparison(profile.pk)

    reasons = pair_reasons(profile, posting, today=TODAY)
    engine = requirement_evidence(reasons)
    rows = {
        row.requirement: row
        for row in requirement_rows(posting=posting, profile=profile, today=TODAY)
    }
    chart = {
        row.label: row for row in comparison(MatchResult(reasons=reasons), posting, profile).rows
    }

    assert engine.years == 0.0
    assert (rows["Experience"].candidate, rows["Experience"].is_met) == ("0 years", False)
    assert (
        chart["Years of experience in the field"].candidate_text,
        chart["Years of experience in the field"].meets,
    ) == ("0,0", False)
    assert rows["Must-have: permis de conduire classe 5"].is_met is False
    assert chart["permis de conduire classe 5"].meets is False
