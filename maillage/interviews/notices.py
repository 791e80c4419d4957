"""What each side is told about an interview: an e-mail in their language and time zone (with the
calendar file when a time is set, moved or cancelled) and an in-app notification."""

from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import Role, User
from maillage.accounts.time_zones import person_datetime
from maillage.core.mail import mail_send_later
from maillage.interviews.calendar import ics_attachment, interview_meeting_url
from maillage.interviews.models import FollowUp, Interview, InterviewSlot, Outcome, Placement
from maillage.notifications.services import notification_send

MESSAGES = {
    "interviews.invited": _(
        "%(company)s invites you to a video interview for “%(posting)s”: choose a time."
    ),
    "interviews.slots_proposed": _(
        "%(company)s proposes new times for your interview about “%(posting)s”."
    ),
    "interviews.other_slots_requested": _(
        "%(candidate)s asks for other times for the interview about “%(posting)s”."
    ),
    "interviews.scheduled": _(
        "The interview about “%(posting)s” is set: see its time and video link."
    ),
    "interviews.rescheduled": _(
        "The interview about “%(posting)s” must be moved: %(who)s asks for another time."
    ),
    "interviews.cancelled": _("The interview about “%(posting)s” is cancelled by %(who)s."),
    "interviews.outcome": _(
        "The employer recorded the result of your interview for “%(posting)s”."
    ),
    "interviews.hired": _(
        "Congratulations! %(company)s hires you for “%(posting)s”. Your advisor will check in "
        "with you in 3, 6 and 12 months."
    ),
    "interviews.outcome_advisor": _(
        "%(company)s recorded “%(outcome)s” for %(candidate)s (“%(posting)s”)."
    ),
    "interviews.follow_ups_planned": _(
        "%(candidate)s is hired for “%(posting)s”: follow-ups at 3, 6 and 12 months are planned."
    ),
}


def _path(user: User, name: str, *args) -> str:
    with translation.override(user.language):
        return reverse(name, args=[str(arg) for arg in args])


def _names(interview: Interview) -> dict[str, str]:
    proposal = interview.proposal
    return {
        "candidate": proposal.candidate.user.full_name,
        "posting": proposal.posting.title,
        "company": proposal.posting.company.legal_name,
    }


def employer_people(interview: Interview) -> list[User]:
    """Who speaks for the employer: the person who invited, or every member if they left."""
    inviter = interview.created_by
    company_id = interview.proposal.posting.company_id
    membership = getattr(inviter, "company_membership", None) if inviter else None
    if (
        inviter is not None
        and inviter.is_active
        and membership is not None
        and membership.company_id == company_id
    ):
        return [inviter]
    return [
        member.user
        for member in interview.proposal.posting.company.members.select_related("user")
        if member.user.is_active
    ]


def _slot_texts(slots: list[InterviewSlot], user: User) -> list[str]:
    return [
        person_datetime(slot.starts_at, time_zone=user.time_zone, language=user.language)
        for slot in slots
    ]


def _moment(interview: Interview, user: User) -> str:
    return person_datetime(
        interview.slot.starts_at, time_zone=user.time_zone, language=user.language
    )


def _mail(user: User, interview: Interview, template: str, attachments=None, **context) -> None:
    mail_send_later(
        to=user.email,
        template=f"interviews/email/{template}",
        context={
            "full_name": user.full_name,
            **_names(interview),
            "action_path": _path(user, "interviews:detail", interview.public_id),
            **context,
        },
        language=user.language,
        attachments=attachments,
    )


def _notify(user: User, interview: Interview, code: str, **params) -> None:
    notification_send(
        recipient=user,
        code=code,
        params={**_names(interview), **params},
        url_name="interviews:detail",
        url_args=[interview.public_id],
    )


def invited(interview: Interview, slots: list[InterviewSlot], *, is_new_round: bool) -> None:
    candidate = interview.proposal.candidate.user
    _mail(
        candidate,
        interview,
        "slots_proposed" if is_new_round else "invitation",
        slots=_slot_texts(slots, candidate),
        message=interview.message,
        round=interview.round,
    )
    _notify(
        candidate, interview, "interviews.slots_proposed" if is_new_round else "interviews.invited"
    )


def other_slots_requested(interview: Interview, message: str) -> None:
    for person in employer_people(interview):
        _mail(person, interview, "other_slots_requested", message=message)
        _notify(person, interview, "interviews.other_slots_requested")


def scheduled(interview: Interview) -> None:
    candidate = interview.proposal.candidate.user
    url = interview_meeting_url(interview)
    for person in [candidate, *employer_people(interview)]:
        _mail(
            person,
            interview,
            "scheduled",
            attachments=[ics_attachment(interview=interview, recipient=person)],
            moment=_moment(interview, person),
            meeting_url=url,
            is_candidate=person.pk == candidate.pk,
        )
        _notify(person, interview, "interviews.scheduled")


def _other_side(interview: Interview, by: User) -> list[User]:
    candidate = interview.proposal.candidate.user
    return employer_people(interview) if by.pk == candidate.pk else [candidate]


def rescheduled(interview: Interview, *, by: User, reason: str, was_scheduled: bool) -> None:
    for person in _other_side(interview, by):
        attachments = (
            [ics_attachment(interview=interview, recipient=person, cancel=True)]
            if was_scheduled
            else None
        )
        _mail(
            person,
            interview,
            "rescheduled",
            attachments=attachments,
            who=by.full_name,
            reason=reason,
            moment=_moment(interview, person),
        )
        _notify(person, interview, "interviews.rescheduled", who=by.full_name)


def cancelled(
    interview: Interview, *, by: User, reason: str | Promise, was_scheduled: bool
) -> None:
    """`reason` is what the person typed, or a lazy sentence said in each reader's language."""
    for person in _other_side(interview, by):
        with translation.override(person.language):
            said = str(reason)
        attachments = (
            [ics_attachment(interview=interview, recipient=person, cancel=True)]
            if was_scheduled
            else None
        )
        _mail(
            person, interview, "cancelled", attachments=attachments, who=by.full_name, reason=said
        )
        _notify(person, interview, "interviews.cancelled", who=by.full_name)


def reminder(interview: Interview, *, hours: int) -> None:
    candidate = interview.proposal.candidate.user
    for person in [candidate, *employer_people(interview)]:
        _mail(
            person,
            interview,
            "reminder",
            hours=hours,
            moment=_moment(interview, person),
            meeting_url=interview_meeting_url(interview),
            is_candidate=person.pk == candidate.pk,
        )


def outcome_recorded(interview: Interview) -> None:
    candidate = interview.proposal.candidate.user
    with translation.override(candidate.language):
        outcome = interview.get_outcome_display()
        reason = interview.outcome_reason_label if interview.outcome_reason else ""
    placement = getattr(interview, "placement", None)
    _mail(
        candidate,
        interview,
        "outcome",
        outcome=interview.outcome,
        outcome_label=str(outcome),
        reason=str(reason),
        note=interview.outcome_note if interview.outcome != Outcome.NO_SHOW else "",
        position=placement.position if placement else "",
        start_date=placement.start_date.isoformat() if placement else "",
    )
    hired = interview.outcome == Outcome.HIRED
    _notify(candidate, interview, "interviews.hired" if hired else "interviews.outcome")
    decider = interview.proposal.decided_by
    advisors = (
        [decider]
        if decider is not None and decider.is_active and decider.role == Role.ADVISOR
        else list(User.objects.filter(role=Role.ADVISOR, is_active=True))
    )
    for advisor in advisors:
        with translation.override(advisor.language):
            label = str(interview.get_outcome_display())
        notification_send(
            recipient=advisor,
            code="interviews.outcome_advisor",
            params={**_names(interview), "outcome": label},
            url_name="interviews:detail",
            url_args=[interview.public_id],
        )


def follow_ups_planned(placement: Placement, follow_ups: list[FollowUp]) -> None:
    interview = placement.interview
    advisors = {f.advisor_id: f.advisor for f in follow_ups if f.advisor is not None}
    recipients = list(advisors.values()) or list(
        User.objects.filter(role=Role.ADVISOR, is_active=True)
    )
    for advisor in recipients:
        notification_send(
            recipient=advisor,
            code="interviews.follow_ups_planned",
            params=_names(interview),
            url_name="interviews:follow-up-list",
        )
