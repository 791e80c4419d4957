"""The times an employer proposes: in the future, not overlapping each other nor the company's
other open or booked times. Created under a lock on the company, so two invitations sent at once
cannot overlap either."""

from datetime import datetime, timedelta

from django.db.models import Q
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.accounts.time_zones import person_datetime
from maillage.employers.models import Company, JobPosting
from maillage.interviews.models import InterviewSlot, InterviewStatus
from maillage.interviews.services.transitions import InterviewError

MIN_MINUTES = 15
MAX_MINUTES = 240
MAX_NEW_SLOTS = 10


def _when(value: datetime, by: User) -> str:
    return person_datetime(value, time_zone=by.time_zone, language=by.language)


def active_company_slots(company: Company, now: datetime):
    """Times the company still holds: not withdrawn, not over, free or booked by a live interview."""
    return InterviewSlot.objects.filter(
        company=company, withdrawn_at__isnull=True, ends_at__gt=now
    ).filter(Q(booking__isnull=True) | Q(booking__status=InterviewStatus.SCHEDULED))


def slots_create(
    *, posting: JobPosting, by: User, starts: list[datetime], minutes: int, now: datetime
) -> list[InterviewSlot]:
    """Validate and store new times; raise InterviewError (nothing stored) on the first problem."""
    Company.objects.select_for_update().filter(pk=posting.company_id).first()
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise InterviewError(
            _("An interview lasts between %(min)d and %(max)d minutes.")
            % {"min": MIN_MINUTES, "max": MAX_MINUTES},
            code="duration",
        )
    if len(starts) > MAX_NEW_SLOTS:
        raise InterviewError(
            _("Propose at most %(count)d times at once.") % {"count": MAX_NEW_SLOTS},
            code="too_many",
        )
    length = timedelta(minutes=minutes)
    wanted = sorted(starts)
    for start in wanted:
        if start <= now:
            raise InterviewError(
                _("A time cannot be in the past: %(time)s.") % {"time": _when(start, by)},
                code="past",
            )
    for earlier, later in zip(wanted, wanted[1:], strict=False):
        if later < earlier + length:
            raise InterviewError(
                _("Two of the times overlap: %(first)s and %(second)s.")
                % {"first": _when(earlier, by), "second": _when(later, by)},
                code="overlap",
            )
    existing = list(active_company_slots(posting.company, now))
    for start in wanted:
        end = start + length
        for other in existing:
            if start < other.ends_at and other.starts_at < end:
                raise InterviewError(
                    _(
                        "%(time)s overlaps a time your company already holds (%(other)s). "
                        "Offer that time instead, or choose another one."
                    )
                    % {"time": _when(start, by), "other": _when(other.starts_at, by)},
                    code="overlap",
                )
    return [
        InterviewSlot.objects.create(
            company=posting.company,
            posting=posting,
            starts_at=start,
            ends_at=start + length,
            created_by=by,
        )
        for start in wanted
    ]


def slots_free_to_offer(posting: JobPosting, now: datetime):
    """This posting's future times nobody booked yet: they can be offered to another candidate."""
    return InterviewSlot.objects.filter(
        posting=posting, withdrawn_at__isnull=True, starts_at__gt=now, booking__isnull=True
    ).order_by("starts_at")


def slots_existing_check(
    *, posting: JobPosting, slot_ids: list, now: datetime
) -> list[InterviewSlot]:
    chosen = list(slots_free_to_offer(posting, now).filter(public_id__in=slot_ids))
    if len(chosen) != len(set(slot_ids)):
        raise InterviewError(
            _("One of the times you ticked is no longer free. Look at the list again."),
            code="taken",
        )
    return chosen
