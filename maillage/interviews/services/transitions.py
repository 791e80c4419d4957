"""The one table of an interview's allowed moves, and of its outcomes."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from maillage.interviews.models import Interview, InterviewStatus, Outcome

S = InterviewStatus

INTERVIEW_TRANSITIONS: dict[str, frozenset[str]] = {
    S.AWAITING_CANDIDATE: frozenset(
        {S.AWAITING_CANDIDATE, S.SCHEDULED, S.SLOTS_NEEDED, S.CANCELLED}
    ),
    S.SLOTS_NEEDED: frozenset({S.AWAITING_CANDIDATE, S.CANCELLED}),
    S.SCHEDULED: frozenset({S.AWAITING_CANDIDATE, S.SLOTS_NEEDED, S.CANCELLED, S.COMPLETED}),
    S.CANCELLED: frozenset(),
    # Only an offer is followed by another outcome (hired, or not retained).
    S.COMPLETED: frozenset({S.COMPLETED}),
}

OUTCOME_TRANSITIONS: dict[str, frozenset[str]] = {
    "": frozenset(Outcome.values),
    Outcome.OFFER: frozenset({Outcome.HIRED, Outcome.NOT_RETAINED}),
    Outcome.NO_SHOW: frozenset(),
    Outcome.SECOND_INTERVIEW: frozenset(),
    Outcome.HIRED: frozenset(),
    Outcome.NOT_RETAINED: frozenset(),
}


class InterviewError(ValidationError):
    """A request the interview's state or the input does not allow; its message is for people."""


def interview_lock(interview: Interview) -> Interview:
    return (
        Interview.objects.select_for_update(of=("self",))
        .select_related(
            "proposal__candidate__user",
            "proposal__posting__company",
            "proposal__posting__municipality__region",
            "proposal__decided_by",
            "created_by__company_membership",
            "slot",
        )
        .get(pk=interview.pk)
    )


def interview_move(interview: Interview, target: InterviewStatus) -> None:
    if target not in INTERVIEW_TRANSITIONS[interview.status]:
        raise InterviewError(
            _("This interview is “%(current)s”: it cannot become “%(target)s”.")
            % {"current": interview.get_status_display(), "target": target.label},
            code="transition",
        )
    interview.status = target
