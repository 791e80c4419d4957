"""The activity pages, by who uses them: the public list and the organiser's pages (`activity`),
registration of employers and candidates (`registration`), the schedule (`schedule`) and the
follow-up of meetings (`meetings`)."""

from maillage.activities.views.activity import (
    activity_cancel,
    activity_complete,
    activity_create,
    activity_detail,
    activity_edit,
    activity_list,
    activity_manage,
    attendance_record,
    candidate_invite,
    constraint_remove,
    constraint_set,
)
from maillage.activities.views.meetings import meeting_check_in, meeting_outcome
from maillage.activities.views.registration import (
    candidate_register,
    candidate_withdraw,
    employer_register,
    employer_withdraw,
    invitation_answer,
)
from maillage.activities.views.schedule import (
    my_schedule,
    my_schedule_ics,
    schedule_clear,
    schedule_compute,
    schedule_draft,
    schedule_publish,
)

__all__ = [
    "activity_cancel",
    "activity_complete",
    "activity_create",
    "activity_detail",
    "activity_edit",
    "activity_list",
    "activity_manage",
    "attendance_record",
    "candidate_invite",
    "candidate_register",
    "candidate_withdraw",
    "constraint_remove",
    "constraint_set",
    "employer_register",
    "employer_withdraw",
    "invitation_answer",
    "meeting_check_in",
    "meeting_outcome",
    "my_schedule",
    "my_schedule_ics",
    "schedule_clear",
    "schedule_compute",
    "schedule_draft",
    "schedule_publish",
]
