"""What people are told at each step of prequalification: an e-mail in their language (sent after
commit by the task queue) and an in-app notification. Called by the services only."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import Role, User
from maillage.accounts.time_zones import person_datetime
from maillage.core.mail import mail_send_later
from maillage.notifications.services import notification_send
from maillage.prequalification.explanations import CANDIDATE, reason_sentences
from maillage.prequalification.models import Proposal, ReviewRequest

MESSAGES = {
    "prequalification.consent_requested": _(
        "%(company)s could meet you for the position “%(posting)s”. Do you agree to share your profile?"
    ),
    "prequalification.consent_accepted": _(
        "%(candidate)s agreed to share their profile for “%(posting)s”."
    ),
    "prequalification.consent_declined": _(
        "%(candidate)s declined the proposal for “%(posting)s”."
    ),
    "prequalification.consent_decline_undone": _(
        "%(candidate)s took back their refusal for “%(posting)s”: the proposal waits for their answer again."
    ),
    "prequalification.consent_withdrawn": _(
        "%(candidate)s withdrew their consent for “%(posting)s”."
    ),
    "prequalification.withdrawn_employer": _(
        "A candidate withdrew their consent for “%(posting)s”: their profile is no longer shared with you."
    ),
    "prequalification.expired_candidate": _(
        "The proposal for “%(posting)s” (%(company)s) expired without an answer."
    ),
    "prequalification.expired_advisor": _(
        "%(candidate)s did not answer about “%(posting)s”: the proposal expired."
    ),
    "prequalification.shortlisted": _(
        "A prequalified candidate joined the short list of “%(posting)s”."
    ),
    "prequalification.employer_declined_candidate": _(
        "%(company)s will not continue with your application for “%(posting)s”."
    ),
    "prequalification.employer_declined_advisor": _(
        "%(company)s declined %(candidate)s for “%(posting)s”."
    ),
    "prequalification.review_requested": _(
        "%(candidate)s asks for a human review of a decision about “%(posting)s”."
    ),
    "prequalification.review_answered": _(
        "An advisor answered your review request about “%(posting)s”."
    ),
}


def _path(user: User, name: str, *args) -> str:
    with translation.override(user.language):
        return reverse(name, args=[str(arg) for arg in args])


def _names(proposal: Proposal) -> dict[str, str]:
    return {
        "candidate": proposal.candidate.user.full_name,
        "posting": proposal.posting.title,
        "company": proposal.posting.company.legal_name,
    }


def _employer_members(proposal: Proposal) -> list[User]:
    return [
        member.user
        for member in proposal.posting.company.members.select_related("user")
        if member.user.is_active
    ]


def _advisors_for(proposal: Proposal) -> list[User]:
    """The advisor who decided, or every active advisor when nobody did (or they left)."""
    decider = proposal.decided_by
    if decider is not None and decider.is_active and decider.role == Role.ADVISOR:
        return [decider]
    return list(User.objects.filter(role=Role.ADVISOR, is_active=True))


def _tell_advisors(proposal: Proposal, code: str) -> None:
    """An in-app notice to the advisor(s) in charge, linking to the proposal."""
    for advisor in _advisors_for(proposal):
        notification_send(
            recipient=advisor,
            code=code,
            params=_names(proposal),
            url_name="prequalification:proposal-detail",
            url_args=[proposal.public_id],
        )


def _tell_candidate(proposal: Proposal, *, template: str, code: str, context: dict) -> None:
    """An e-mail in the candidate's language and an in-app notice, both leading to their page
    of the proposal."""
    candidate = proposal.candidate.user
    mail_send_later(
        to=candidate.email,
        template=template,
        context={
            "full_name": candidate.full_name,
            **_names(proposal),
            **context,
            "action_path": _path(candidate, "prequalification:mine-detail", proposal.public_id),
        },
        language=candidate.language,
    )
    notification_send(
        recipient=candidate,
        code=code,
        params=_names(proposal),
        url_name="prequalification:mine-detail",
        url_args=[proposal.public_id],
    )


def consent_requested(proposal: Proposal) -> None:
    candidate = proposal.candidate.user
    with translation.override(candidate.language):
        reasons = reason_sentences(proposal, audience=CANDIDATE)
    _tell_candidate(
        proposal,
        template="prequalification/email/consent_request",
        code="prequalification.consent_requested",
        context={
            "municipality": proposal.posting.municipality.name,
            "region": proposal.posting.municipality.region.name,
            "reasons": reasons,
            "stars": proposal.stars or 0,
            "is_added_by_advisor": proposal.source == "advisor",
            "advisor_note": proposal.decision_note,
            "expires": person_datetime(
                proposal.consent_expires_at,
                time_zone=candidate.time_zone,
                language=candidate.language,
            ),
        },
    )


def consent_answered(proposal: Proposal, *, accepted: bool) -> None:
    code = "prequalification.consent_accepted" if accepted else "prequalification.consent_declined"
    _tell_advisors(proposal, code)


def consent_decline_undone(proposal: Proposal) -> None:
    _tell_advisors(proposal, "prequalification.consent_decline_undone")


def consent_withdrawn(proposal: Proposal, *, employer_saw_it: bool) -> None:
    """The advisors are told who; the employer, who saw the profile, only that access ended."""
    _tell_advisors(proposal, "prequalification.consent_withdrawn")
    if not employer_saw_it:
        return
    for member in _employer_members(proposal):
        notification_send(
            recipient=member,
            code="prequalification.withdrawn_employer",
            params={"posting": proposal.posting.title},
            url_name="prequalification:shortlist-posting",
            url_args=[proposal.posting.public_id],
        )


def shortlisted(proposal: Proposal) -> None:
    for member in _employer_members(proposal):
        mail_send_later(
            to=member.email,
            template="prequalification/email/shortlisted",
            context={
                "full_name": member.full_name,
                "posting": proposal.posting.title,
                "action_path": _path(
                    member, "prequalification:shortlist-posting", proposal.posting.public_id
                ),
            },
            language=member.language,
        )
        notification_send(
            recipient=member,
            code="prequalification.shortlisted",
            params={"posting": proposal.posting.title},
            url_name="prequalification:shortlist-candidate",
            url_args=[proposal.public_id],
        )


def expired(proposal: Proposal) -> None:
    _tell_candidate(
        proposal,
        template="prequalification/email/proposal_expired",
        code="prequalification.expired_candidate",
        context={},
    )
    _tell_advisors(proposal, "prequalification.expired_advisor")


def employer_declined(proposal: Proposal) -> None:
    with translation.override(proposal.candidate.user.language):
        reason = proposal.employer_reason_label
    _tell_candidate(
        proposal,
        template="prequalification/email/employer_declined",
        code="prequalification.employer_declined_candidate",
        context={"reason": reason, "message": proposal.employer_note},
    )
    _tell_advisors(proposal, "prequalification.employer_declined_advisor")


def review_requested(review: ReviewRequest) -> None:
    for advisor in _advisors_for(review.proposal):
        notification_send(
            recipient=advisor,
            code="prequalification.review_requested",
            params=_names(review.proposal),
            url_name="prequalification:review-list",
        )


def review_answered(review: ReviewRequest) -> None:
    candidate = review.proposal.candidate.user
    with translation.override(candidate.language):
        outcome = review.get_outcome_display()
    mail_send_later(
        to=candidate.email,
        template="prequalification/email/review_answered",
        context={
            "full_name": candidate.full_name,
            **_names(review.proposal),
            "outcome": str(outcome),
            "answer": review.answer,
            "action_path": _path(
                candidate, "prequalification:mine-detail", review.proposal.public_id
            ),
        },
        language=candidate.language,
    )
    notification_send(
        recipient=candidate,
        code="prequalification.review_answered",
        params={"posting": review.proposal.posting.title},
        url_name="prequalification:mine-detail",
        url_args=[review.proposal.public_id],
    )
