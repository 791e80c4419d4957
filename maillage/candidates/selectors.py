from django.db.models import Prefetch, QuerySet

from maillage.candidates.models import CandidateProfile, ProofDocument
from maillage.core.choices import VerificationStatus


def candidate_profile_for_page(*, profile_pk: int) -> CandidateProfile:
    """A profile with everything its page shows, in a fixed number of queries."""
    return (
        CandidateProfile.objects.select_related("user", "municipality__region", "verified_by")
        .prefetch_related(
            "experiences__noc",
            "educations",
            "desired_occupations",
            "regions_of_interest",
            "skills",
            Prefetch("proof_documents", queryset=ProofDocument.objects.order_by("-uploaded_at")),
        )
        .get(pk=profile_pk)
    )


def candidates_awaiting_verification() -> QuerySet[CandidateProfile]:
    return (
        CandidateProfile.objects.filter(verification_status=VerificationStatus.PENDING)
        .select_related("user")
        .prefetch_related("proof_documents")
        .order_by("updated_at")
    )
