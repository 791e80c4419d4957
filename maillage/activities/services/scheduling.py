from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.activities.models import (
    Activity,
    ActivityStatus,
    CandidateRegistration,
    Meeting,
    MeetingConstraint,
)
from maillage.activities.selectors import (
    postings_brought,
    registered_candidate_ids,
    schedule_inputs,
)
from maillage.candidates.models import CandidateProfile
from maillage.core.mail import mail_send_later
from maillage.core.video_rooms import video_room_name
from maillage.employers.models import Company
from maillage.matching.services import pairs_rematch
from matchcore.schedule import ScheduleError, ScheduleResult, solve_schedule


def _error_messages() -> dict[str, str]:
    return {
        "pin_not_acceptable": _(
            "A kept meeting is between a candidate and an employer the engine did not find "
            "compatible, or that you forbade."
        ),
        "pin_bad_slot": _("A kept meeting is in a slot the activity no longer has."),
        "pins_same_slot": _("Two kept meetings of the same person are in the same slot."),
        "pins_exceed_candidate_limit": _(
            "A candidate has more kept meetings than the activity allows per candidate."
        ),
        "pins_exceed_employer_capacity": _(
            "An employer has more kept meetings than it has places."
        ),
        "no_schedule_found": _(
            "No schedule honouring the kept meetings was found in the time limit. Remove a kept "
            "meeting and compute again."
        ),
    }


def registered_pairs_score(activity: Activity, *, today: date) -> None:
    """The engine scores every registered candidate for every posting brought, not only the
    pairs that made a top list: a candidate 60th for a posting still deserves the meeting."""
    pairs_rematch(
        candidate_ids=registered_candidate_ids(activity),
        posting_ids=list(postings_brought(activity)),
        today=today,
    )


def _editable(activity: Activity) -> Activity:
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    if activity.status not in {ActivityStatus.OPEN, ActivityStatus.SCHEDULED}:
        raise ValidationError(_("This activity's schedule can no longer change."), code="closed")
    if activity.meetings.filter(checked_in_at__isnull=False).exists():
        raise ValidationError(
            _("Meetings have already started: the schedule can no longer change."), code="started"
        )
    return activity


@transaction.atomic
def schedule_compute(*, activity: Activity, by: User, today: date) -> ScheduleResult:
    """Compute the best schedule from the registrations and the advisors' decisions, replace the
    meetings, publish the schedule (registration closes) and tell each participant."""
    activity = _editable(activity)
    registered_pairs_score(activity, today=today)
    inputs = schedule_inputs(activity)
    if not inputs.problem.candidates or not inputs.problem.employers:
        raise ValidationError(
            _("A schedule needs at least one registered employer and one registered candidate."),
            code="empty",
        )
    try:
        result = solve_schedule(inputs.problem, time_limit=settings.SCHEDULE_TIME_LIMIT_SECONDS)
    except ScheduleError as error:
        raise ValidationError(_error_messages()[error.code], code=error.code) from error

    rooms = {
        (m.candidate_id, m.company_id): m.room_name for m in activity.meetings.exclude(room_name="")
    }
    activity.meetings.all().delete()
    meetings = []
    for found in result.meetings:
        candidate_id, company_id = int(found.candidate[1:]), int(found.employer[1:])
        room = ""
        if activity.is_virtual:
            room = rooms.get((candidate_id, company_id)) or video_room_name()
        meetings.append(
            Meeting(
                activity=activity,
                candidate_id=candidate_id,
                company_id=company_id,
                posting_id=inputs.best_posting.get((candidate_id, company_id)),
                slot=found.slot,
                table=found.table,
                score=found.score,
                engine_version=inputs.engine_versions.get((candidate_id, company_id), ""),
                room_name=room,
            )
        )
    Meeting.objects.bulk_create(meetings)
    activity.status = ActivityStatus.SCHEDULED
    activity.schedule_status = result.status.value
    activity.schedule_total_score = result.total_score
    activity.schedule_upper_bound = (
        result.upper_bound if result.upper_bound != float("inf") else None
    )
    activity.schedule_seconds = result.seconds
    activity.schedule_method = result.method
    activity.schedule_computed_at = timezone.now()
    activity.save()
    _tell_participants(activity)
    return result


def _tell_participants(activity: Activity) -> None:
    registrations = activity.candidate_registrations.filter(
        status=CandidateRegistration.Status.REGISTERED
    ).select_related("candidate__user")
    users = [r.candidate.user for r in registrations]
    for registration in activity.employer_registrations.select_related("registered_by"):
        if registration.registered_by is not None:
            users.append(registration.registered_by)
    for user in users:
        mail_send_later(
            to=user.email,
            template="activities/email/schedule_ready",
            context={
                "full_name": user.full_name,
                "title": activity.title,
                "date": activity.date.isoformat(),
                "public_id": str(activity.public_id),
            },
            language=user.language,
        )


@transaction.atomic
def schedule_clear(*, activity: Activity) -> Activity:
    """Remove the meetings and reopen registration (before the activity starts)."""
    activity = _editable(activity)
    activity.meetings.all().delete()
    activity.status = ActivityStatus.OPEN
    activity.schedule_status = ""
    activity.schedule_total_score = activity.schedule_upper_bound = None
    activity.schedule_seconds = None
    activity.schedule_method = ""
    activity.schedule_computed_at = None
    activity.save()
    return activity


@transaction.atomic
def meeting_constraint_set(
    *,
    activity: Activity,
    candidate: CandidateProfile,
    company: Company,
    kind: MeetingConstraint.Kind,
    slot: int | None,
    by: User,
) -> MeetingConstraint:
    """Keep a meeting (at a slot, or anywhere) or forbid it; applied at the next computation."""
    activity = _editable(activity)
    if slot is not None and not 0 <= slot < activity.slot_count:
        raise ValidationError(_("This slot does not exist."), code="bad_slot")
    if kind == MeetingConstraint.Kind.FORBID:
        slot = None
    constraint, _created = MeetingConstraint.objects.update_or_create(
        activity=activity,
        candidate=candidate,
        company=company,
        defaults={"kind": kind, "slot": slot, "created_by": by},
    )
    return constraint


@transaction.atomic
def meeting_constraint_remove(*, constraint: MeetingConstraint) -> None:
    _editable(constraint.activity)
    constraint.delete()
