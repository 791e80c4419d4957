"""Reads of interviews and placements: who may see which interview is decided here (404 else)."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from maillage.accounts.models import User
from maillage.interviews.models import (
    FollowUp,
    FollowUpStatus,
    Interview,
    InterviewSlot,
    Placement,
)
from maillage.prequalification.models import EMPLOYER_VISIBLE_STATUSES


def _with_context(queryset: QuerySet[Interview]) -> QuerySet[Interview]:
    return queryset.select_related(
        "slot",
        "proposal__candidate__user",
        "proposal__posting__company",
        "proposal__posting__municipality__region",
        "created_by",
    )


def interviews_visible_to(user: User) -> QuerySet[Interview]:
    """The candidate's own interviews, the company's, or all of them for the program team."""
    queryset = Interview.objects.all()
    if user.is_team:
        pass
    elif user.is_candidate:
        queryset = queryset.filter(proposal__candidate__user=user)
    elif user.is_employer and getattr(user, "company_membership", None) is not None:
        # Only while the candidate's consent holds: a withdrawal removes the employer's access.
        queryset = queryset.filter(
            proposal__posting__company_id=user.company_membership.company_id,
            proposal__status__in=EMPLOYER_VISIBLE_STATUSES,
        )
    else:
        queryset = queryset.none()
    return _with_context(queryset)


def interview_for(user: User, public_id) -> Interview:
    try:
        return (
            interviews_visible_to(user)
            .prefetch_related("events__by", "offered_slots__booking")
            .get(public_id=public_id)
        )
    except Interview.DoesNotExist as exc:
        raise Http404 from exc


def slots_free_for(interview: Interview, now: datetime) -> list[InterviewSlot]:
    """Times offered to this interview that nobody booked and that are still ahead."""
    return list(
        interview.offered_slots.filter(
            withdrawn_at__isnull=True, starts_at__gt=now, booking__isnull=True
        ).order_by("starts_at")
    )


def follow_ups(*, status: str = FollowUpStatus.PENDING) -> QuerySet[FollowUp]:
    queryset = FollowUp.objects.select_related(
        "advisor",
        "done_by",
        "placement__candidate__user",
        "placement__company",
        "placement__region",
        "placement__municipality",
    )
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("due_on", "pk")


def follow_up_for_team(pk: int) -> FollowUp:
    try:
        return follow_ups(status="").get(pk=pk)
    except FollowUp.DoesNotExist as exc:
        raise Http404 from exc


@dataclass(frozen=True)
class RetentionRow:
    months: int
    done: int
    still_employed: int
    still_in_region: int

    @property
    def employed_share(self) -> float:
        return self.still_employed / self.done if self.done else 0.0

    @property
    def region_share(self) -> float:
        return self.still_in_region / self.done if self.done else 0.0


def retention_figures() -> list[RetentionRow]:
    """For the program figures: of the follow-ups done at each milestone, how many people are
    still employed and still in the region."""
    rows = (
        FollowUp.objects.filter(status=FollowUpStatus.DONE)
        .values("months")
        .annotate(
            done=Count("pk"),
            employed=Count("pk", filter=Q(is_still_employed=True)),
            in_region=Count("pk", filter=Q(is_still_in_region=True)),
        )
        .order_by("months")
    )
    return [
        RetentionRow(row["months"], row["done"], row["employed"], row["in_region"]) for row in rows
    ]


def placements_count(*, since: date | None = None) -> int:
    queryset = Placement.objects.all()
    if since is not None:
        queryset = queryset.filter(start_date__gte=since)
    return queryset.count()
