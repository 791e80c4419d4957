from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.activities.models import (
    ActivityStatus,
    EmployerRegistration,
    Meeting,
    MeetingOutcome,
)


@transaction.atomic
def meeting_check_in(*, meeting: Meeting, by: User) -> Meeting:
    """The meeting took place; the employer is recorded as having taken part in the activity."""
    meeting = Meeting.objects.select_for_update().select_related("activity").get(pk=meeting.pk)
    if meeting.activity.status not in {ActivityStatus.SCHEDULED, ActivityStatus.COMPLETED}:
        raise ValidationError(_("This activity has no published schedule."), code="not_scheduled")
    if meeting.checked_in_at is None:
        meeting.checked_in_at = timezone.now()
        meeting.checked_in_by = by
        meeting.save(update_fields=["checked_in_at", "checked_in_by"])
        EmployerRegistration.objects.filter(
            activity=meeting.activity, company=meeting.company_id, attended_at__isnull=True
        ).update(attended_at=meeting.checked_in_at)
    return meeting


@transaction.atomic
def meeting_outcome_record(*, meeting: Meeting, outcome: MeetingOutcome, by: User) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if outcome not in MeetingOutcome.values:
        raise ValidationError(_("Choose a follow-up from the list."), code="bad_outcome")
    if meeting.checked_in_at is None and outcome != MeetingOutcome.PENDING:
        raise ValidationError(
            _("Record the follow-up after the meeting took place (check it in first)."),
            code="not_checked_in",
        )
    meeting.outcome = outcome
    meeting.outcome_at = timezone.now()
    meeting.outcome_by = by
    meeting.save(update_fields=["outcome", "outcome_at", "outcome_by"])
    return meeting


@transaction.atomic
def employer_attendance_record(
    *, registration: EmployerRegistration, attended: bool
) -> EmployerRegistration:
    """An advisor records whether the employer took part (an exploratory visit has no meetings)."""
    registration = EmployerRegistration.objects.select_for_update().get(pk=registration.pk)
    registration.attended_at = (registration.attended_at or timezone.now()) if attended else None
    registration.save(update_fields=["attended_at"])
    return registration
