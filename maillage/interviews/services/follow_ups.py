"""Advisors record whether a placed person is still employed and still in the region."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import Role, User
from maillage.interviews.models import FollowUp, FollowUpStatus
from maillage.interviews.services.transitions import InterviewError


@transaction.atomic
def follow_up_record(
    *,
    follow_up: FollowUp,
    by: User,
    is_still_employed: bool,
    is_still_in_region: bool,
    note: str = "",
    today: date | None = None,
) -> FollowUp:
    if by.role != Role.ADVISOR:
        raise PermissionDenied("Only advisors record follow-ups")
    today = today or timezone.localdate()
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if follow_up.status == FollowUpStatus.DONE:
        raise InterviewError(_("This follow-up is already recorded."), code="done")
    if today < follow_up.due_on:
        raise InterviewError(
            _("This follow-up is due on %(date)s: record it from that day.")
            % {"date": follow_up.due_on.isoformat()},
            code="not_due",
        )
    follow_up.status = FollowUpStatus.DONE
    follow_up.is_still_employed = is_still_employed
    follow_up.is_still_in_region = is_still_in_region
    follow_up.note = note.strip()
    follow_up.done_at = timezone.now()
    follow_up.done_by = by
    if follow_up.advisor_id is None:
        follow_up.advisor = by
    follow_up.save()
    return follow_up
