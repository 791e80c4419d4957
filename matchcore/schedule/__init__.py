"""Meeting schedules for matching activities (speed meetings, virtual job fairs).

Assign candidate–employer meetings to time slots so that the total match score is as high as
possible, under the rules of an activity: acceptable pairs only, nobody in two meetings at once, an
employer holds at most one meeting per table in a slot, a candidate has at most k meetings, and every
candidate who has an acceptable employer is served first (lexicographic: most candidates served, then
highest total score). Plain Python and OR-Tools; no Django.

`solve_schedule` is the one entry point; `greedy_schedule` is the baseline the benchmark compares to.
"""

from matchcore.schedule.contracts import (
    Meeting,
    Pair,
    Pin,
    ScheduleError,
    ScheduleProblem,
    ScheduleResult,
    SolveStatus,
)
from matchcore.schedule.greedy import greedy_schedule
from matchcore.schedule.solve import solve_schedule

__all__ = [
    "Meeting",
    "Pair",
    "Pin",
    "ScheduleError",
    "ScheduleProblem",
    "ScheduleResult",
    "SolveStatus",
    "greedy_schedule",
    "solve_schedule",
]
