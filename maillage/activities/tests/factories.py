from datetime import date, time

import factory
from django.utils import timezone

from maillage.activities.models import (
    Activity,
    ActivityKind,
    CandidateRegistration,
    EmployerRegistration,
)
from maillage.candidates.tests.factories import CandidateProfileFactory
from maillage.employers.tests.factories import CompanyFactory, JobPostingFactory
from maillage.matching.models import MatchResult
from maillage.regions.models import Region

# Tests run "today" on this date (passed to services; the activities happen after it).
TODAY = date(2026, 11, 26)


class ActivityFactory(factory.django.DjangoModelFactory):
    """A speed meeting in Bas-Saint-Laurent on 2027-02-10: 4 slots of 15 minutes from 9:00."""

    class Meta:
        model = Activity

    kind = ActivityKind.SPEED_MEETING
    title = factory.Sequence(lambda n: f"Maillage express {n}")
    region = factory.LazyFunction(lambda: Region.objects.get(code="01"))
    date = date(2027, 2, 10)
    starts_at = time(9, 0)
    slot_count = 4
    slot_minutes = 15
    break_minutes = 5
    candidate_capacity = 20
    employer_capacity = 10
    max_meetings_per_candidate = 2
    is_virtual = True
    address = ""


class EmployerRegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmployerRegistration
        skip_postgeneration_save = True

    activity = factory.SubFactory(ActivityFactory)
    company = factory.SubFactory(CompanyFactory)

    @factory.post_generation
    def postings(self, create, extracted, **kwargs):
        if not create:
            return
        self.postings.set(
            extracted if extracted is not None else [JobPostingFactory(company=self.company)]
        )


class CandidateRegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CandidateRegistration

    activity = factory.SubFactory(ActivityFactory)
    candidate = factory.SubFactory(CandidateProfileFactory)
    status = CandidateRegistration.Status.REGISTERED
    consented_at = factory.LazyFunction(timezone.now)


class MatchResultFactory(factory.django.DjangoModelFactory):
    """The engine's verdict on a pair (the engine itself fills these in production)."""

    class Meta:
        model = MatchResult

    candidate = factory.SubFactory(CandidateProfileFactory)
    posting = factory.SubFactory(JobPostingFactory)
    score = 70.0
    stars = 4
    is_excluded = False
    engine_version = "test"
    computed_at = factory.LazyFunction(timezone.now)
