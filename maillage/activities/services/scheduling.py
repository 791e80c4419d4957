import hashlib
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from maillage.accounts.models import User
from maillage.activities.models import (
    Activity,
    ActivityStatus,
    CandidateRegistration,
    Meeting,
    MeetingConstraint,
)
from maillage.activities.selectors import (
    ScheduleInputs,
    postings_brought,
    registered_candidate_ids,
    schedule_inputs,
)
from maillage.candidates.models import CandidateProfile
from maillage.core.jobs import Report, background_job_request, background_job_update_result
from maillage.core.mail import mail_send_later
from maillage.core.models import BackgroundJob, JobState
from maillage.core.video_rooms import video_room_name
from maillage.employers.models import Company
from maillage.matching.services import pairs_rematch
from matchcore.schedule import ScheduleError, ScheduleResult, solve_schedule


def _error_messages() -> dict[str, str]:
    # Lazy: a computation's job keeps the source text and each reader sees it in their language.
    return {
        "pin_not_acceptable": gettext_lazy(
            "A kept meeting is between a candidate and an employer the engine did not find "
            "compatible, or that you forbade."
        ),
        "pin_bad_slot": gettext_lazy("A kept meeting is in a slot the activity no longer has."),
        "pins_same_slot": gettext_lazy(
            "Two kept meetings of the same person are in the same slot."
        ),
        "pins_exceed_candidate_limit": gettext_lazy(
            "A candidate has more kept meetings than the activity allows per candidate."
        ),
        "pins_exceed_employer_capacity": gettext_lazy(
            "An employer has more kept meetings than it has places."
        ),
        "no_schedule_found": gettext_lazy(
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


def _require_schedulable(activity: Activity) -> None:
    """One rule for every schedule action: only an open or scheduled activity's schedule moves."""
    if activity.status not in {ActivityStatus.OPEN, ActivityStatus.SCHEDULED}:
        raise ValidationError(
            gettext_lazy("This activity's schedule can no longer change."), code="closed"
        )


def _editable(activity: Activity) -> Activity:
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    _require_schedulable(activity)
    if activity.meetings.filter(checked_in_at__isnull=False).exists():
        raise ValidationError(
            gettext_lazy("Meetings have already started: the schedule can no longer change."),
            code="started",
        )
    return activity


def _solve(
    activity: Activity, *, today: date, report: Report | None = None
) -> tuple[ScheduleResult, ScheduleInputs]:
    report = report or (lambda done, total, step: None)
    report(0, 3, gettext_lazy("Scoring every registered candidate for the postings brought"))
    registered_pairs_score(activity, today=today)
    report(1, 3, gettext_lazy("Looking for the best schedule"))
    inputs = schedule_inputs(activity)
    if not inputs.problem.candidates or not inputs.problem.employers:
        raise ValidationError(
            gettext_lazy(
                "A schedule needs at least one registered employer and one registered candidate."
            ),
            code="empty",
        )
    try:
        result = solve_schedule(inputs.problem, time_limit=settings.SCHEDULE_TIME_LIMIT_SECONDS)
    except ScheduleError as error:
        raise ValidationError(_error_messages()[error.code], code=error.code) from error
    return result, inputs


def schedule_fingerprint(activity: Activity) -> str:
    """What a schedule was computed from (registrations, postings brought, advisors'
    decisions): a draft whose fingerprint no longer matches is out of date."""
    constraints = sorted(
        activity.constraints.values_list("candidate_id", "company_id", "kind", "slot")
    )
    facts = (
        sorted(registered_candidate_ids(activity)),
        sorted(postings_brought(activity).items()),
        constraints,
        activity.slot_count,
        activity.max_meetings_per_candidate,
        activity.tables_per_employer,
    )
    return hashlib.sha256(repr(facts).encode()).hexdigest()[:32]


def _draft(activity: Activity, result: ScheduleResult, inputs: ScheduleInputs) -> dict:
    meetings = []
    for found in result.meetings:
        candidate_id, company_id = int(found.candidate[1:]), int(found.employer[1:])
        meetings.append(
            {
                "candidate": candidate_id,
                "company": company_id,
                "posting": inputs.best_posting.get((candidate_id, company_id)),
                "slot": found.slot,
                "table": found.table,
                "score": found.score,
                "engine_version": inputs.engine_versions.get((candidate_id, company_id), ""),
            }
        )
    upper_bound = result.upper_bound if result.upper_bound != float("inf") else None
    return {
        "status": result.status.value,
        "total_score": result.total_score,
        "upper_bound": upper_bound,
        "gap": result.gap if result.gap != float("inf") else None,
        "seconds": result.seconds,
        "method": result.method,
        "computed_at": timezone.now().isoformat(),
        "fingerprint": schedule_fingerprint(activity),
        "meetings": meetings,
        "published_at": None,
    }


def schedule_draft_compute(
    *, activity: Activity, today: date, report: Report | None = None
) -> dict:
    """Score the registered pairs and solve, without publishing: the draft (plain values, kept
    in the computation's job) that the organiser previews, then publishes."""
    _require_schedulable(activity)
    result, inputs = _solve(activity, today=today, report=report)
    if report is not None:
        report(2, 3, gettext_lazy("Preparing the draft"))
    return _draft(activity, result, inputs)


@transaction.atomic
def schedule_publish(*, activity: Activity, draft: dict, by: User) -> Activity:
    """Replace the meetings with a computed draft, publish the schedule (registration closes)
    and tell each participant. Refused when what the draft was computed from has changed."""
    activity = _editable(activity)
    if draft.get("published_at"):
        raise ValidationError(_("This schedule is already published."), code="published")
    if draft["fingerprint"] != schedule_fingerprint(activity):
        raise ValidationError(
            _(
                "Registrations or decisions changed since this schedule was computed: compute "
                "it again before publishing."
            ),
            code="stale",
        )
    rooms = {
        (m.candidate_id, m.company_id): m.room_name for m in activity.meetings.exclude(room_name="")
    }
    activity.meetings.all().delete()
    meetings = []
    for found in draft["meetings"]:
        key = (found["candidate"], found["company"])
        room = (rooms.get(key) or video_room_name()) if activity.is_virtual else ""
        meetings.append(
            Meeting(
                activity=activity,
                candidate_id=found["candidate"],
                company_id=found["company"],
                posting_id=found["posting"],
                slot=found["slot"],
                table=found["table"],
                score=found["score"],
                engine_version=found["engine_version"],
                room_name=room,
            )
        )
    Meeting.objects.bulk_create(meetings)
    activity.status = ActivityStatus.SCHEDULED
    activity.schedule_status = draft["status"]
    activity.schedule_total_score = draft["total_score"]
    activity.schedule_upper_bound = draft["upper_bound"]
    activity.schedule_seconds = draft["seconds"]
    activity.schedule_method = draft["method"]
    activity.schedule_computed_at = timezone.now()
    activity.save()
    _tell_participants(activity)
    return activity


@transaction.atomic
def schedule_compute(*, activity: Activity, by: User, today: date) -> ScheduleResult:
    """Compute and publish at once (demo data, benchmarks, commands); pages go through the
    draft (`schedule_compute_request`, then `schedule_job_publish`)."""
    activity = _editable(activity)
    result, inputs = _solve(activity, today=today)
    schedule_publish(activity=activity, draft=_draft(activity, result, inputs), by=by)
    return result


SCHEDULE_JOB = "activities.schedule"


def schedule_compute_request(*, activity: Activity, by: User) -> tuple[BackgroundJob, bool]:
    """Queue the draft's computation (a task: ~45 s for 1,000 candidates × 381 postings), or
    return the one already running for this activity. Returns (job, created)."""
    _require_schedulable(activity)
    return background_job_request(
        kind=SCHEDULE_JOB,
        subject=str(activity.public_id),
        by=by,
        task="maillage.activities.tasks.schedule_draft_job",
    )


@transaction.atomic
def schedule_job_publish(*, activity: Activity, job: BackgroundJob, by: User) -> Activity:
    """Publish the draft a finished computation of this activity left."""
    job = BackgroundJob.objects.select_for_update().get(pk=job.pk)
    if job.kind != SCHEDULE_JOB or job.subject != str(activity.public_id):
        raise ValidationError(_("This computation is not this activity's."), code="other")
    if job.state != JobState.SUCCEEDED:
        raise ValidationError(_("This computation has not finished."), code="unfinished")
    activity = schedule_publish(activity=activity, draft=job.result, by=by)
    background_job_update_result(
        job=job, result={**job.result, "published_at": timezone.now().isoformat()}
    )
    return activity


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
