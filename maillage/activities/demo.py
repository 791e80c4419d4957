"""One upcoming demo activity: a virtual job fair with a few registered employers and candidates.

Its schedule is not computed here: it needs the engine's match results, which the matching app
computes; an advisor computes it from the activity's page."""

from datetime import date, time, timedelta

from django.utils import timezone

from maillage.accounts.models import User
from maillage.activities.models import (
    Activity,
    ActivityKind,
    CandidateRegistration,
    EmployerRegistration,
)
from maillage.candidates.models import CandidateProfile
from maillage.core.choices import VerificationStatus
from maillage.core.demo_steps import DemoContext, DemoStage, DemoStep
from maillage.employers.models import Company, PostingStatus
from maillage.regions.models import Region


def build_demo_activity(
    *, by: User, today: date, employers: int = 6, candidates: int = 15
) -> Activity:
    activity = Activity.objects.create(
        kind=ActivityKind.VIRTUAL_FAIR,
        title="Salon virtuel de l’emploi en région (démo)",
        description="Activité de démonstration : des employeurs des régions rencontrent par vidéo des personnes candidates présélectionnées.",
        region=Region.objects.get(code="01"),
        date=today + timedelta(days=21),
        starts_at=time(13, 0),
        slot_count=6,
        slot_minutes=20,
        break_minutes=5,
        candidate_capacity=40,
        employer_capacity=12,
        max_meetings_per_candidate=3,
        is_virtual=True,
        created_by=by,
    )
    companies = (
        Company.objects.filter(
            verification_status=VerificationStatus.VERIFIED,
            postings__status=PostingStatus.PUBLISHED,
        )
        .distinct()
        .order_by("pk")[:employers]
    )
    for company in companies:
        registration = EmployerRegistration.objects.create(
            activity=activity, company=company, registered_by=company.members.first().user
        )
        registration.postings.set(company.postings.filter(status=PostingStatus.PUBLISHED))
    now = timezone.now()
    eligible = [
        profile
        for profile in CandidateProfile.objects.filter(
            verification_status=VerificationStatus.VERIFIED
        ).order_by("pk")[: candidates * 3]
        if profile.eligibility(today=today).is_eligible
    ][:candidates]
    CandidateRegistration.objects.bulk_create(
        [
            CandidateRegistration(
                activity=activity,
                candidate=profile,
                status=CandidateRegistration.Status.REGISTERED,
                consented_at=now,
            )
            for profile in eligible
        ]
    )
    return activity


def _build(context: DemoContext) -> None:
    build_demo_activity(by=User.objects.get(email=context.advisor_email), today=context.today)


DEMO = DemoStep(DemoStage.SHOWCASE, _build)
