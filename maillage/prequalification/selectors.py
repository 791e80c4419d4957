"""Reads of prequalification: who may see which proposal is decided here (404 otherwise)."""

import uuid
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import Http404

from maillage.accounts.models import ProfileView, User
from maillage.candidates.models import CandidateProfile
from maillage.employers.models import Company, JobPosting
from maillage.households.selectors import households_by_candidate
from maillage.matching.selectors import reason_vocabulary
from maillage.prequalification.models import (
    EMPLOYER_VISIBLE_STATUSES,
    Proposal,
    ProposalStatus,
    ReviewRequest,
    ReviewStatus,
    SharedSection,
)
from maillage.prequalification.sharing import SharedProfile, shared_profile

QUEUE_SORTS = {
    "-score": ("-score", "-created_at"),
    "score": ("score", "-created_at"),
    "-created_at": ("-created_at",),
}


@dataclass(frozen=True)
class QueueFilters:
    status: str = ProposalStatus.PROPOSED
    region: int | None = None
    chamber: int | None = None
    occupation: str | None = None
    sort: str = "-score"
    candidate: uuid.UUID | None = None  # a candidate profile's public id


def _with_context(queryset: QuerySet[Proposal]) -> QuerySet[Proposal]:
    return queryset.select_related(
        "candidate__user",
        "posting__company__chamber",
        "posting__municipality__region",
        "posting__noc",
        "decided_by",
    )


def advisor_queue(filters: QueueFilters) -> QuerySet[Proposal]:
    queryset = Proposal.objects.all()
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.region:
        queryset = queryset.filter(posting__municipality__region_id=filters.region)
    if filters.chamber:
        queryset = queryset.filter(posting__company__chamber_id=filters.chamber)
    if filters.occupation:
        queryset = queryset.filter(posting__noc_id=filters.occupation)
    if filters.candidate:
        queryset = queryset.filter(candidate__public_id=filters.candidate)
    return _with_context(queryset).order_by(*QUEUE_SORTS.get(filters.sort, QUEUE_SORTS["-score"]))


def queue_occupations() -> QuerySet:
    """The occupations of postings that have proposals, for the queue's filter."""
    from maillage.taxonomy.models import NocGroup

    return NocGroup.objects.filter(
        code__in=Proposal.objects.values("posting__noc_id").distinct()
    ).order_by("code")


def proposal_for_team(public_id) -> Proposal:
    try:
        return _with_context(Proposal.objects.all()).get(public_id=public_id)
    except Proposal.DoesNotExist as exc:
        raise Http404 from exc


def proposal_of_candidate(user: User, public_id) -> Proposal:
    """The candidate's own proposal; 404 for anybody else's."""
    try:
        return (
            _with_context(Proposal.objects.filter(candidate__user=user))
            .prefetch_related("review_requests", "posting__skills")
            .get(public_id=public_id)
        )
    except Proposal.DoesNotExist as exc:
        raise Http404 from exc


def proposals_of_candidate(user: User) -> QuerySet[Proposal]:
    return _with_context(Proposal.objects.filter(candidate__user=user)).order_by("-updated_at")


def proposal_for_employer(user: User, public_id) -> Proposal:
    """A proposal the employer may reach: its own company's posting, approved by an advisor and
    consented to by the candidate. Anything else is a 404, so nobody learns it exists."""
    membership = getattr(user, "company_membership", None)
    if membership is None:
        raise Http404
    try:
        return (
            _with_context(
                Proposal.objects.filter(
                    posting__company_id=membership.company_id,
                    status__in=EMPLOYER_VISIBLE_STATUSES,
                )
            )
            .prefetch_related("posting__skills")
            .get(public_id=public_id)
        )
    except Proposal.DoesNotExist as exc:
        raise Http404 from exc


def company_postings_with_shortlists(company: Company) -> QuerySet[JobPosting]:
    visible = Proposal.objects.filter(status__in=EMPLOYER_VISIBLE_STATUSES).select_related(
        "candidate__user"
    )
    return (
        company.postings.select_related("noc", "municipality")
        .annotate(
            shortlisted_count=Count(
                "proposals", filter=Q(proposals__status=ProposalStatus.SHORTLISTED)
            ),
            invited_count=Count("proposals", filter=Q(proposals__status=ProposalStatus.INVITED)),
        )
        .prefetch_related(
            Prefetch("proposals", queryset=visible.order_by("-score"), to_attr="visible_proposals")
        )
        .order_by("-created_at")
    )


def posting_of_employer(user: User, public_id) -> JobPosting:
    membership = getattr(user, "company_membership", None)
    if membership is None:
        raise Http404
    try:
        return JobPosting.objects.select_related("company", "noc", "municipality__region").get(
            company_id=membership.company_id, public_id=public_id
        )
    except JobPosting.DoesNotExist as exc:
        raise Http404 from exc


def shortlist_of_posting(posting: JobPosting) -> QuerySet[Proposal]:
    return (
        _with_context(
            Proposal.objects.filter(posting=posting, status__in=EMPLOYER_VISIBLE_STATUSES)
        )
        .prefetch_related("interviews")
        .order_by("status", "-score")
    )


def shared_profiles_of_posting(posting: JobPosting, *, today: date) -> list[SharedProfile]:
    """The employer's short list of a posting, each candidate through the shared-profile gate
    (a fixed number of queries, whatever the list's length)."""
    proposals = list(shortlist_of_posting(posting))
    prefetch_related_objects([posting], "skills")
    profiles = _profiles_for_comparison().in_bulk([p.candidate_id for p in proposals])
    vocabulary = reason_vocabulary(proposals)
    households = households_by_candidate(
        p.candidate_id for p in proposals if SharedSection.HOUSEHOLD in p.shared_sections
    )
    shared = []
    for proposal in proposals:
        proposal.posting = posting
        shared.append(
            shared_profile(
                proposal,
                profiles[proposal.candidate_id],
                today=today,
                vocabulary=vocabulary,
                households=households,
            )
        )
    return shared


def shared_profile_for_employer(user: User, public_id, *, today: date) -> SharedProfile:
    """One candidate as the employer may see them (404 unless `proposal_for_employer` allows)."""
    proposal = proposal_for_employer(user, public_id)
    return shared_profile(proposal, profile_for_comparison(proposal.candidate_id), today=today)


def posting_for_team(public_id) -> JobPosting:
    """The posting with what its page shows (its skills: the comparison chart's rows)."""
    try:
        return (
            JobPosting.objects.select_related("company__chamber", "noc", "municipality__region")
            .prefetch_related("skills")
            .get(public_id=public_id)
        )
    except JobPosting.DoesNotExist as exc:
        raise Http404 from exc


def proposals_of_posting(posting: JobPosting) -> QuerySet[Proposal]:
    return _with_context(Proposal.objects.filter(posting=posting)).order_by("status", "-score")


def _profiles_for_comparison() -> QuerySet[CandidateProfile]:
    return CandidateProfile.objects.select_related("user", "municipality__region").prefetch_related(
        "experiences__noc",
        "educations",
        "skills",
        "desired_occupations",
        "regions_of_interest",
    )


def profile_for_comparison(profile_pk: int) -> CandidateProfile:
    return _profiles_for_comparison().get(pk=profile_pk)


def review_requests(status: str = ReviewStatus.OPEN) -> QuerySet[ReviewRequest]:
    queryset = ReviewRequest.objects.select_related(
        "proposal__candidate__user",
        "proposal__posting__company",
        "proposal__decided_by",
        "answered_by",
    )
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("created_at" if status == ReviewStatus.OPEN else "-created_at")


def review_request_for_team(pk: int) -> ReviewRequest:
    try:
        return review_requests(status="").get(pk=pk)
    except ReviewRequest.DoesNotExist as exc:
        raise Http404 from exc


def profile_views(*, subject_email: str = "", viewer_email: str = "") -> QuerySet[ProfileView]:
    queryset = ProfileView.objects.select_related("viewer", "subject")
    if subject_email:
        queryset = queryset.filter(subject__email__iexact=subject_email.strip())
    if viewer_email:
        queryset = queryset.filter(viewer__email__iexact=viewer_email.strip())
    return queryset.order_by("-viewed_at", "-pk")
