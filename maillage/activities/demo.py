"""One upcoming demo activity: a virtual job fair with a few registered employers and candidates.

Its schedule is not computed here: it needs the engine's match results, which the matching app
computes; an advisor computes it from the activity's page."""

from datetime import date, time, timedelta

from maillage.accounts.models import User
from maillage.activities.models import Activity, ActivityKind
from maillage.activities.services import activity_create, candidate_register, employer_register
from maillage.candidates.models import CandidateProfile
from maillage.core.choices import VerificationStatus
from maillage.core.demo_steps import DemoContext, DemoStage, DemoStep
from maillage.employers.models import Company, PostingStatus
from maillage.regions.models import Region


def working_day_after(day: date) -> date:
    """The first weekday from `day` outside the holidays from Christmas Eve to January 2nd, when
    nobody would hold a job fair."""
    while day.weekday() >= 5 or (day.month, day.day) >= (12, 24) or (day.month, day.day) <= (1, 2):
        day += timedelta(days=1)
    return day


def build_demo_activity(
    *, by: User, today: date, employers: int = 6, candidates: int = 15
) -> Activity:
    """A virtual fair three weeks ahead (on a working day), with verified companies bringing their
    postings and eligible candidates registered, all through the activity services."""
    activity = activity_create(
        by=by,
        fields={
            "kind": ActivityKind.VIRTUAL_FAIR,
            "title": "Salon virtuel de l’emploi en région (démo)",
            "description": "Activité de démonstration : des employeurs des régions rencontrent "
            "par vidéo des personnes candidates présélectionnées.",
            "region": Region.objects.get(code="01"),
            "date": working_day_after(today + timedelta(days=21)),
            "starts_at": time(13, 0),
            "slot_count": 6,
            "slot_minutes": 20,
            "break_minutes": 5,
            "candidate_capacity": 40,
            "employer_capacity": 12,
            "max_meetings_per_candidate": 3,
            "is_virtual": True,
        },
        today=today,
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
        employer_register(
            activity=activity,
            company=company,
            postings=list(company.postings.filter(status=PostingStatus.PUBLISHED)),
            by=company.members.first().user,
            today=today,
        )
    eligible = [
        profile
        for profile in CandidateProfile.objects.filter(
            verification_status=VerificationStatus.VERIFIED
        ).order_by("pk")[: candidates * 3]
        if profile.eligibility(today=today).is_eligible
    ][:candidates]
    for profile in eligible:
        candidate_register(activity=activity, profile=profile, consents=True, today=today)
    return activity


def _build(context: DemoContext) -> None:
    build_demo_activity(by=User.objects.get(email=context.advisor_email), today=context.today)


DEMO = DemoStep(DemoStage.SHOWCASE, _build)
