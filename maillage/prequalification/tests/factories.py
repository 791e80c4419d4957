from datetime import timedelta

import factory
from django.utils import timezone

from maillage.candidates.tests.factories import (
    CandidateProfileFactory,
    EducationFactory,
    WorkExperienceFactory,
)
from maillage.employers.tests.factories import JobPostingFactory
from maillage.matching.models import MatchResult
from maillage.prequalification.models import Proposal, ProposalSource, ProposalStatus

# As the engine stores them (matchcore.engine.ReasonCode and its evidence).
REASONS = [
    {"code": "same_occupation", "evidence": {"posting_noc": "72106", "via": "experience"}},
    {
        "code": "required_skills_covered",
        "evidence": {"matched": ["soudage MIG"], "missing": [], "count": 1, "total": 1},
    },
]


class MatchResultFactory(factory.django.DjangoModelFactory):
    """The engine's verdict on a pair, as maillage.matching stores it."""

    class Meta:
        model = MatchResult

    candidate = factory.SubFactory(CandidateProfileFactory)
    posting = factory.SubFactory(JobPostingFactory)
    score = 82.0
    stars = 4
    is_excluded = False
    breakdown = factory.LazyFunction(lambda: {"occupation": 1.0, "skills": 0.75})
    reasons = factory.LazyFunction(lambda: list(REASONS))
    engine_version = "policy-test-1"
    computed_at = factory.LazyFunction(timezone.now)


class ProposalFactory(factory.django.DjangoModelFactory):
    """An engine proposal awaiting review, for a verified welder and a published welder posting."""

    class Meta:
        model = Proposal

    candidate = factory.SubFactory(CandidateProfileFactory)
    posting = factory.SubFactory(JobPostingFactory)
    source = ProposalSource.ENGINE
    status = ProposalStatus.PROPOSED
    score = 82.0
    stars = 4
    reasons = factory.LazyFunction(lambda: list(REASONS))
    breakdown = factory.LazyFunction(lambda: {"occupation": 1.0})
    engine_version = "policy-test-1"

    class Params:
        asked = factory.Trait(
            status=ProposalStatus.CONSENT_REQUESTED,
            decided_at=factory.LazyFunction(timezone.now),
            decision_reason="meets_requirements",
            consent_requested_at=factory.LazyFunction(timezone.now),
            consent_expires_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=7)),
        )
        shortlisted = factory.Trait(
            status=ProposalStatus.SHORTLISTED,
            decided_at=factory.LazyFunction(timezone.now),
            decision_reason="meets_requirements",
            consent_requested_at=factory.LazyFunction(timezone.now),
            consent_expires_at=factory.LazyFunction(lambda: timezone.now() + timedelta(days=7)),
            consent_answered_at=factory.LazyFunction(timezone.now),
            shortlisted_at=factory.LazyFunction(timezone.now),
            shared_sections=factory.LazyFunction(lambda: ["experience", "languages"]),
        )


def complete_profile(profile):
    """Give a profile one welding experience and one education, as the comparison reads them."""
    WorkExperienceFactory(candidate=profile)
    EducationFactory(candidate=profile)
    return profile
