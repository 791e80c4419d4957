from dataclasses import dataclass

from maillage.candidates.models import CandidateProfile
from maillage.core.choices import VerificationStatus
from maillage.employers.models import Company, JobPosting, PostingStatus
from maillage.regions.models import Region


@dataclass(frozen=True)
class PublicFigures:
    served_regions: int
    published_postings: int
    verified_companies: int


def public_figures() -> PublicFigures:
    return PublicFigures(
        served_regions=Region.objects.served().count(),
        published_postings=JobPosting.objects.filter(status=PostingStatus.PUBLISHED).count(),
        verified_companies=Company.objects.filter(
            verification_status=VerificationStatus.VERIFIED
        ).count(),
    )


@dataclass(frozen=True)
class TeamQueueCounts:
    candidates_to_verify: int
    companies_to_verify: int


def team_queue_counts() -> TeamQueueCounts:
    return TeamQueueCounts(
        candidates_to_verify=CandidateProfile.objects.filter(
            verification_status=VerificationStatus.PENDING
        ).count(),
        companies_to_verify=Company.objects.filter(
            verification_status=VerificationStatus.PENDING
        ).count(),
    )
