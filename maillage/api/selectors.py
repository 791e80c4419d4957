"""The API's reads: each list is one query plus one for skills, whatever its length."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from maillage.accounts.models import User
from maillage.candidates.models import CandidateProfile
from maillage.employers.models import (
    Company,
    CompanyMember,
    JobPosting,
    PostingSkill,
    PostingStatus,
)
from maillage.matching.models import MatchResult

POSTING_RELATED = ("company", "noc", "municipality__region")


def _with_skills(postings: QuerySet[JobPosting], prefix: str = "") -> QuerySet:
    return postings.prefetch_related(
        Prefetch(f"{prefix}skills", queryset=PostingSkill.objects.order_by("-is_required", "pk"))
    )


def published_postings(
    *,
    region: str | None = None,
    noc: str | None = None,
    municipality: str | None = None,
    q: str | None = None,
) -> QuerySet[JobPosting]:
    """Published postings, newest first, filtered by region code, NOC code prefix (1 to 5 digits:
    a broad category down to a unit group), municipality code and words of the title."""
    postings = JobPosting.objects.published().select_related(*POSTING_RELATED)
    if region:
        postings = postings.filter(municipality__region__code=region)
    if noc:
        postings = postings.filter(noc__code__startswith=noc)
    if municipality:
        postings = postings.filter(municipality__code=municipality)
    if q:
        for word in q.split()[:8]:
            postings = postings.filter(title__icontains=word)
    return _with_skills(postings.order_by("-published_at", "-pk"))


def published_posting(public_id) -> JobPosting:
    try:
        return _with_skills(JobPosting.objects.published().select_related(*POSTING_RELATED)).get(
            public_id=public_id
        )
    except JobPosting.DoesNotExist as exc:
        raise Http404 from exc


def employer_company(user: User) -> Company | None:
    if not user.is_employer:
        return None
    membership = CompanyMember.objects.select_related("company").filter(user=user).first()
    return membership.company if membership is not None else None


def company_postings(company: Company) -> QuerySet[JobPosting]:
    return _with_skills(
        JobPosting.objects.of_company(company)
        .select_related(*POSTING_RELATED)
        .order_by("-created_at", "-pk")
    )


def company_posting(company: Company, public_id) -> JobPosting:
    try:
        return company_postings(company).get(public_id=public_id)
    except JobPosting.DoesNotExist as exc:
        raise Http404 from exc


def candidate_profile(user: User, *, with_details: bool = True) -> CandidateProfile | None:
    if not user.is_candidate:
        return None
    profiles = CandidateProfile.objects.filter(user=user)
    if with_details:
        profiles = profiles.select_related("user", "municipality__region").prefetch_related(
            "desired_occupations", "regions_of_interest"
        )
    return profiles.first()


def candidate_matches(profile: CandidateProfile) -> QuerySet[MatchResult]:
    """The candidate's own results on published postings, best first (hard-rule exclusions left out)."""
    results = (
        MatchResult.objects.filter(
            candidate=profile, is_excluded=False, posting__status=PostingStatus.PUBLISHED
        )
        .select_related(*(f"posting__{name}" for name in POSTING_RELATED))
        .order_by("-score", "pk")
    )
    return _with_skills(results, prefix="posting__")
