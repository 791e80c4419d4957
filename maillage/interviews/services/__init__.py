"""Every change to interviews, placements and follow-ups goes through these functions."""

from maillage.interviews.services.booking import interview_slot_pick
from maillage.interviews.services.changes import interview_cancel, interview_reschedule
from maillage.interviews.services.follow_ups import follow_up_record
from maillage.interviews.services.invitations import (
    SlotChoice,
    interview_invite,
    interview_other_slots_request,
    interview_slots_propose,
)
from maillage.interviews.services.outcomes import HireDetails, interview_outcome_record
from maillage.interviews.services.reminders import interview_reminders_send
from maillage.interviews.services.transitions import INTERVIEW_TRANSITIONS, InterviewError

__all__ = [
    "INTERVIEW_TRANSITIONS",
    "HireDetails",
    "InterviewError",
    "SlotChoice",
    "follow_up_record",
    "interview_cancel",
    "interview_invite",
    "interview_other_slots_request",
    "interview_outcome_record",
    "interview_reminders_send",
    "interview_reschedule",
    "interview_slot_pick",
    "interview_slots_propose",
]
