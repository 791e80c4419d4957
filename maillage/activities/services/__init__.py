"""Every change to activities, registrations, schedules and meetings goes through these functions."""

from maillage.activities.services.activities import (
    activity_cancel,
    activity_complete,
    activity_create,
    activity_update,
)
from maillage.activities.services.meetings import (
    employer_attendance_record,
    meeting_check_in,
    meeting_outcome_record,
)
from maillage.activities.services.registrations import (
    candidate_invitation_answer,
    candidate_invite,
    candidate_register,
    candidate_withdraw,
    employer_register,
    employer_withdraw,
)
from maillage.activities.services.scheduling import (
    SCHEDULE_JOB,
    meeting_constraint_remove,
    meeting_constraint_set,
    schedule_clear,
    schedule_compute,
    schedule_compute_request,
    schedule_draft_compute,
    schedule_job_publish,
    schedule_publish,
)

__all__ = [
    "SCHEDULE_JOB",
    "activity_cancel",
    "activity_complete",
    "activity_create",
    "activity_update",
    "candidate_invitation_answer",
    "candidate_invite",
    "candidate_register",
    "candidate_withdraw",
    "employer_attendance_record",
    "employer_register",
    "employer_withdraw",
    "meeting_check_in",
    "meeting_constraint_remove",
    "meeting_constraint_set",
    "meeting_outcome_record",
    "schedule_clear",
    "schedule_compute",
    "schedule_compute_request",
    "schedule_draft_compute",
    "schedule_job_publish",
    "schedule_publish",
]
