"""After the interview time, the employer records what happened. A hire creates the placement and
the advisor's follow-ups; every outcome but a no-show is a training label for the ranker."""

from dataclasses import dataclass
from datetime import date, datetime

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import Role, User
from maillage.core.reasons import other_reason_note_check
from maillage.interviews import notices
from maillage.interviews.models import (
    FollowUp,
    Interview,
    InterviewEvent,
    InterviewStatus,
    Outcome,
    Placement,
)
from maillage.interviews.services.parties import require_employer
from maillage.interviews.services.transitions import (
    OUTCOME_TRANSITIONS,
    InterviewError,
    interview_lock,
    interview_move,
)
from maillage.prequalification.models import EmployerReason, LabelKind, LabelSource
from maillage.prequalification.services import decision_label_record
from maillage.regions.models import Municipality

FOLLOW_UP_MONTHS = (3, 6, 12)

OUTCOME_LABELS = {
    Outcome.SECOND_INTERVIEW: LabelKind.SECOND_INTERVIEW,
    Outcome.OFFER: LabelKind.OFFER,
    Outcome.HIRED: LabelKind.HIRED,
    Outcome.NOT_RETAINED: LabelKind.NOT_RETAINED,
}


@dataclass(frozen=True)
class HireDetails:
    start_date: date
    position: str
    municipality: Municipality


def _check_allowed(interview: Interview, outcome: str, now: datetime) -> None:
    if interview.status == InterviewStatus.COMPLETED:
        if outcome not in OUTCOME_TRANSITIONS[interview.outcome]:
            raise InterviewError(
                _("The outcome is already recorded (“%(outcome)s”).")
                % {"outcome": interview.get_outcome_display()},
                code="already_recorded",
            )
        return
    if interview.status != InterviewStatus.SCHEDULED:
        raise InterviewError(
            _("This interview did not take place: there is no outcome to record."),
            code="not_held",
        )
    if interview.slot.starts_at > now:
        raise InterviewError(
            _("The interview has not taken place yet: record its outcome after it."),
            code="future",
        )


def _placement_create(interview: Interview, hire: HireDetails, by: User) -> Placement:
    proposal = interview.proposal
    placement = Placement.objects.create(
        interview=interview,
        candidate_id=proposal.candidate_id,
        posting_id=proposal.posting_id,
        company_id=proposal.posting.company_id,
        position=hire.position.strip(),
        municipality=hire.municipality,
        region_id=hire.municipality.region_id,
        start_date=hire.start_date,
        created_by=by,
    )
    decider = proposal.decided_by
    advisor = decider if decider is not None and decider.role == Role.ADVISOR else None
    follow_ups = [
        FollowUp.objects.create(
            placement=placement,
            months=months,
            due_on=hire.start_date + relativedelta(months=months),
            advisor=advisor,
        )
        for months in FOLLOW_UP_MONTHS
    ]
    notices.follow_ups_planned(placement, follow_ups)
    return placement


@transaction.atomic
def interview_outcome_record(
    *,
    interview: Interview,
    by: User,
    outcome: str,
    reason: str = "",
    note: str = "",
    hire: HireDetails | None = None,
    now: datetime | None = None,
) -> Interview:
    now = now or timezone.now()
    interview = interview_lock(interview)
    require_employer(interview, by)
    if outcome not in Outcome.values:
        raise InterviewError(_("Choose an outcome from the list."), code="outcome")
    _check_allowed(interview, outcome, now)
    if outcome == Outcome.NOT_RETAINED:
        if reason not in EmployerReason.values:
            raise InterviewError(_("Say why the candidate is not retained."), code="reason")
        other_reason_note_check(reason, note, error=InterviewError)
    if outcome == Outcome.HIRED:
        if hire is None or not hire.position.strip():
            raise InterviewError(
                _("Give the start date, the position and the municipality of work."),
                code="hire_details",
            )
        if hire.start_date < interview.slot.starts_at.date():
            raise InterviewError(
                _("The start date cannot be before the interview."), code="start_date"
            )
    interview_move(interview, InterviewStatus.COMPLETED)
    interview.outcome = outcome
    interview.outcome_reason = reason if outcome == Outcome.NOT_RETAINED else ""
    interview.outcome_note = note.strip()
    interview.outcome_recorded_at = now
    interview.outcome_recorded_by = by
    interview.save()
    InterviewEvent.objects.create(
        interview=interview, kind=InterviewEvent.Kind.OUTCOME, by=by, reason=outcome
    )
    if outcome in OUTCOME_LABELS:
        decision_label_record(
            proposal=interview.proposal,
            label=OUTCOME_LABELS[outcome],
            source=LabelSource.EMPLOYER,
            by=by,
            reason_code=interview.outcome_reason,
        )
    if outcome == Outcome.HIRED:
        _placement_create(interview, hire, by)
    if outcome == Outcome.SECOND_INTERVIEW:
        Interview.objects.create(
            proposal=interview.proposal,
            round=interview.round + 1,
            status=InterviewStatus.SLOTS_NEEDED,
            video_kind=interview.video_kind,
            video_url=interview.video_url,
            created_by=by,
        )
    notices.outcome_recorded(interview)
    return interview
