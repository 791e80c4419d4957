"""The program's figures, from the other apps' tables, filtered by period, region, chamber and
occupation (NOC broad category). Counts only: no person is named here."""

import statistics
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncMonth

from maillage.activities.selectors import ParticipationFigures, employer_participation
from maillage.candidates.models import CandidateProfile
from maillage.core.choices import VerificationStatus
from maillage.employers.models import Company
from maillage.interviews.models import (
    FollowUp,
    FollowUpStatus,
    Interview,
    InterviewStatus,
    Outcome,
    Placement,
)
from maillage.prequalification.models import Proposal, ProposalStatus
from maillage.regions.models import ChamberOfCommerce, Region

NOT_APPROVED = [ProposalStatus.PROPOSED, ProposalStatus.REJECTED]
CONSENTED = [
    ProposalStatus.ACCEPTED,
    ProposalStatus.SHORTLISTED,
    ProposalStatus.INVITED,
    ProposalStatus.EMPLOYER_DECLINED,
    ProposalStatus.WITHDRAWN,
]
RETENTION_MONTHS = (3, 6, 12)


@dataclass(frozen=True)
class Filters:
    start: date | None = None
    end: date | None = None
    region: Region | None = None
    chamber: ChamberOfCommerce | None = None
    noc_category: str = ""  # one digit: the NOC 2021 broad occupational category


def _period(queryset: QuerySet, field_name: str, filters: Filters) -> QuerySet:
    if filters.start:
        queryset = queryset.filter(**{f"{field_name}__date__gte": filters.start})
    if filters.end:
        queryset = queryset.filter(**{f"{field_name}__date__lte": filters.end})
    return queryset


def companies(filters: Filters) -> QuerySet[Company]:
    queryset = _period(Company.objects.all(), "created_at", filters)
    if filters.region:
        queryset = queryset.filter(region=filters.region)
    if filters.chamber:
        queryset = queryset.filter(chamber=filters.chamber)
    return queryset


def candidates(filters: Filters) -> QuerySet[CandidateProfile]:
    queryset = _period(CandidateProfile.objects.all(), "created_at", filters)
    if filters.region:
        queryset = queryset.filter(municipality__region=filters.region)
    if filters.noc_category:
        queryset = queryset.filter(
            desired_occupations__code__startswith=filters.noc_category
        ).distinct()
    return queryset


def _posting_filters(prefix: str, filters: Filters) -> Q:
    condition = Q()
    if filters.region:
        condition &= Q(**{f"{prefix}municipality__region": filters.region})
    if filters.chamber:
        condition &= Q(**{f"{prefix}company__chamber": filters.chamber})
    if filters.noc_category:
        condition &= Q(**{f"{prefix}noc__code__startswith": filters.noc_category})
    return condition


def proposals(filters: Filters) -> QuerySet[Proposal]:
    return _period(
        Proposal.objects.filter(_posting_filters("posting__", filters)), "created_at", filters
    )


def interviews(filters: Filters) -> QuerySet[Interview]:
    return _period(
        Interview.objects.filter(_posting_filters("proposal__posting__", filters)),
        "created_at",
        filters,
    )


def placements(filters: Filters) -> QuerySet[Placement]:
    return _period(
        Placement.objects.filter(_posting_filters("posting__", filters)), "created_at", filters
    )


@dataclass(frozen=True)
class Figures:
    employers_registered: int
    employers_verified: int
    participation: ParticipationFigures  # of the verified employers, who took part in an activity
    candidates_total: int
    candidates_by_status: list[tuple[str, int]]
    candidates_by_region: list[tuple[str, int]]
    pipeline: list[tuple[str, int]]
    retention: list[tuple[int, int, int]]  # (months, still employed, follow-ups done)
    median_days_to_hire: float | None
    placements_by_region: list[tuple[str, int]]
    over_time: dict[str, list[tuple[date, int]]] = field(default_factory=dict)


def _monthly(queryset: QuerySet, field_name: str) -> list[tuple[date, int]]:
    rows = (
        queryset.annotate(month=TruncMonth(field_name))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return [
        (row["month"].date() if hasattr(row["month"], "date") else row["month"], row["n"])
        for row in rows
    ]


def program_figures(filters: Filters) -> Figures:
    company_rows = companies(filters)
    candidate_rows = candidates(filters)
    proposal_rows = proposals(filters)
    interview_rows = interviews(filters)
    placement_rows = placements(filters)
    company_counts = company_rows.aggregate(
        registered=Count("pk"),
        verified=Count("pk", filter=Q(verification_status=VerificationStatus.VERIFIED)),
    )
    status_labels = dict(VerificationStatus.choices)
    by_status = [
        (str(status_labels[row["verification_status"]]), row["n"])
        for row in candidate_rows.values("verification_status")
        .annotate(n=Count("pk"))
        .order_by("verification_status")
    ]
    by_region = [
        (row["municipality__region__name"] or "", row["n"])
        for row in candidate_rows.values("municipality__region__name")
        .annotate(n=Count("pk"))
        .order_by("municipality__region__code")
    ]
    proposal_counts = proposal_rows.aggregate(
        proposed=Count("pk"),
        approved=Count("pk", filter=~Q(status__in=NOT_APPROVED)),
        consented=Count("pk", filter=Q(status__in=CONSENTED)),
        shortlisted=Count("pk", filter=Q(shortlisted_at__isnull=False)),
    )
    interview_counts = interview_rows.aggregate(
        held=Count("pk", filter=Q(status=InterviewStatus.COMPLETED) & ~Q(outcome=Outcome.NO_SHOW)),
        offers=Count("pk", filter=Q(outcome__in=[Outcome.OFFER, Outcome.HIRED])),
    )
    pipeline = [
        ("proposed", proposal_counts["proposed"]),
        ("approved", proposal_counts["approved"]),
        ("consented", proposal_counts["consented"]),
        ("shortlisted", proposal_counts["shortlisted"]),
        ("interviewed", interview_counts["held"]),
        ("offers", interview_counts["offers"]),
        ("hired", placement_rows.count()),
    ]
    follow_ups = FollowUp.objects.filter(placement__in=placement_rows, status=FollowUpStatus.DONE)
    retention = []
    for months in RETENTION_MONTHS:
        done = follow_ups.filter(months=months)
        retention.append((months, done.filter(is_still_employed=True).count(), done.count()))
    days = [
        (created.date() - joined.date()).days
        for created, joined in placement_rows.values_list(
            "created_at", F("candidate__user__date_joined")
        )
    ]
    placements_by_region = [
        (row["region__name"], row["n"])
        for row in placement_rows.values("region__name")
        .annotate(n=Count("pk"))
        .order_by("region__code")
    ]
    return Figures(
        employers_registered=company_counts["registered"],
        employers_verified=company_counts["verified"],
        participation=employer_participation(company_rows),
        candidates_total=candidate_rows.count(),
        candidates_by_status=by_status,
        candidates_by_region=by_region,
        pipeline=pipeline,
        retention=retention,
        median_days_to_hire=statistics.median(days) if days else None,
        placements_by_region=placements_by_region,
        over_time={
            "employers": _monthly(company_rows, "created_at"),
            "candidates": _monthly(candidate_rows, "created_at"),
            "proposals": _monthly(proposal_rows, "created_at"),
            "hires": _monthly(placement_rows, "created_at"),
        },
    )
