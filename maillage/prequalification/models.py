"""Prequalification: the engine (or an advisor) proposes a candidate for a posting, an advisor
approves, the candidate consents to share their profile, the employer sees them on its short list.

A proposal's status moves only through maillage.prequalification.services (see
services/transitions.py for the one table of allowed moves).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ProposalSource(models.TextChoices):
    ENGINE = "engine", _("Proposed by the matching engine")
    ADVISOR = "advisor", _("Added by an advisor")


class ProposalStatus(models.TextChoices):
    PROPOSED = "proposed", _("Awaiting an advisor's review")
    REJECTED = "rejected", _("Not retained by an advisor")
    CONSENT_REQUESTED = "consent_requested", _("Approved, awaiting the candidate's answer")
    DECLINED = "declined", _("Declined by the candidate")
    EXPIRED = "expired", _("Expired without an answer")
    ACCEPTED = "accepted", _("Accepted, waiting for room on the short list")
    SHORTLISTED = "shortlisted", _("On the employer's short list")
    WITHDRAWN = "withdrawn", _("Consent withdrawn by the candidate")
    INVITED = "invited", _("Invited to an interview")
    EMPLOYER_DECLINED = "employer_declined", _("Declined by the employer")


# The employer reaches a candidate only in these states: approved by an advisor, consenting.
EMPLOYER_VISIBLE_STATUSES = frozenset({ProposalStatus.SHORTLISTED, ProposalStatus.INVITED})


class ApprovalReason(models.TextChoices):
    MEETS_REQUIREMENTS = "meets_requirements", _("Meets the posting's requirements")
    TRANSFERABLE_EXPERIENCE = "transferable_experience", _("Transferable experience")
    KNOWN_TO_TEAM = "known_to_team", _("Known to the team as a strong candidate")
    OTHER = "other", _("Other reason (see the note)")


class RejectionReason(models.TextChoices):
    OCCUPATION = "occupation_mismatch", _("The occupation does not match")
    SKILLS = "missing_skills", _("Required skills are missing")
    EXPERIENCE = "insufficient_experience", _("Not enough experience")
    FRENCH = "insufficient_french", _("French level below the requirement")
    WORK_PERMIT = "work_permit", _("The work permit does not allow this position")
    LOCATION = "location", _("The place of work does not suit the candidate")
    AVAILABILITY = "availability", _("Not available at the start date")
    PROFILE = "incomplete_profile", _("The profile is incomplete or out of date")
    OTHER = "other", _("Other reason (see the note)")


class EmployerReason(models.TextChoices):
    """Why an employer declines a candidate, on the short list or after an interview."""

    SKILLS = "skills", _("Skills do not match the position")
    EXPERIENCE = "experience", _("Not enough experience for the position")
    LANGUAGE = "language", _("Language level does not fit the position")
    AVAILABILITY = "availability", _("Availability does not fit")
    SALARY = "salary", _("Salary expectations do not fit")
    POSITION_FILLED = "position_filled", _("The position is filled")
    OTHER = "other", _("Other reason (see the message)")


class SharedSection(models.TextChoices):
    """What a candidate may share with an employer, on top of their name and how they meet each
    requirement (met or not). Nothing is ticked by default: the most private setting (Law 25)."""

    CONTACT = "contact", _("My contact details (e-mail address and phone)")
    LOCATION = "location", _("Where I live now")
    EXPERIENCE = "experience", _("My work experience")
    EDUCATION = "education", _("My education")
    LANGUAGES = "languages", _("My language levels")
    SKILLS = "skills", _("My skills")
    SUMMARY = "summary", _("My presentation (“About you”)")
    # Said only while the household holds and the partner lets employers read it (sharing.py).
    HOUSEHOLD = (
        "household",
        _("That I move with my partner, and the work my partner is looking for"),
    )


class ProposalQuerySet(models.QuerySet["Proposal"]):
    def awaiting_review(self) -> "ProposalQuerySet":
        return self.filter(status=ProposalStatus.PROPOSED)

    def visible_to_employer(self) -> "ProposalQuerySet":
        return self.filter(status__in=EMPLOYER_VISIBLE_STATUSES)

    def of_company(self, company_id: int) -> "ProposalQuerySet":
        return self.filter(posting__company_id=company_id)


class Proposal(models.Model):
    """One candidate proposed for one posting, and where they are on the way to the employer."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    candidate = models.ForeignKey(
        "candidates.CandidateProfile",
        verbose_name=_("candidate"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    posting = models.ForeignKey(
        "employers.JobPosting",
        verbose_name=pgettext_lazy("job posting", "posting"),
        on_delete=models.CASCADE,
        related_name="proposals",
    )
    source = models.CharField(_("source"), max_length=10, choices=ProposalSource.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.PROPOSED
    )
    # The engine's verdict when the proposal was made, so the explanation matches its score.
    score = models.FloatField(_("score"), null=True, blank=True)
    stars = models.PositiveSmallIntegerField(_("stars"), null=True, blank=True)
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    breakdown = models.JSONField(_("breakdown"), default=dict, blank=True)
    engine_version = models.CharField(_("engine version"), max_length=60, blank=True)
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("advisor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    decision_reason = models.CharField(_("reason"), max_length=40, blank=True)
    decision_note = models.TextField(_("note"), blank=True, max_length=2000)

    consent_requested_at = models.DateTimeField(null=True, blank=True)
    consent_expires_at = models.DateTimeField(_("answer expected by"), null=True, blank=True)
    consent_answered_at = models.DateTimeField(null=True, blank=True)
    shared_sections = models.JSONField(_("shared with the employer"), default=list, blank=True)
    shortlisted_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    employer_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    employer_decided_at = models.DateTimeField(null=True, blank=True)
    employer_reason = models.CharField(_("employer's reason"), max_length=40, blank=True)
    employer_note = models.TextField(_("employer's message"), blank=True, max_length=2000)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "posting"], name="prequalification_one_proposal_per_pair"
            ),
            # An automated score always names the engine version that produced it.
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | ~models.Q(engine_version=""),
                name="prequalification_proposal_score_has_engine_version",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-score"]),
            models.Index(fields=["posting", "status"]),
            models.Index(fields=["status", "consent_expires_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} × {self.posting_id} ({self.status})"

    @property
    def is_visible_to_employer(self) -> bool:
        return self.status in EMPLOYER_VISIBLE_STATUSES

    @property
    def decision_reason_label(self) -> str:
        labels = {**dict(ApprovalReason.choices), **dict(RejectionReason.choices)}
        return str(labels.get(self.decision_reason, self.decision_reason))

    @property
    def employer_reason_label(self) -> str:
        return str(dict(EmployerReason.choices).get(self.employer_reason, self.employer_reason))

    def shares(self, section: str) -> bool:
        return section in self.shared_sections


class LabelKind(models.TextChoices):
    ADVISOR_APPROVED = "advisor_approved", _("Approved by an advisor")
    ADVISOR_ADDED = "advisor_added", _("Added by an advisor")
    ADVISOR_REJECTED = "advisor_rejected", _("Rejected by an advisor")
    EMPLOYER_INVITED = "employer_invited", _("Invited to an interview by the employer")
    EMPLOYER_DECLINED = "employer_declined", _("Declined by the employer")
    SECOND_INTERVIEW = "second_interview", _("Second interview")
    OFFER = "offer", _("Job offer")
    HIRED = "hired", _("Hired")
    NOT_RETAINED = "not_retained", _("Not retained after the interview")


# Graded relevance for learning to rank: how far the person went with this employer.
LABEL_RELEVANCE: dict[str, int] = {
    LabelKind.ADVISOR_REJECTED: 0,
    LabelKind.EMPLOYER_DECLINED: 0,
    LabelKind.ADVISOR_APPROVED: 1,
    LabelKind.ADVISOR_ADDED: 1,
    LabelKind.NOT_RETAINED: 1,
    LabelKind.EMPLOYER_INVITED: 2,
    LabelKind.SECOND_INTERVIEW: 2,
    LabelKind.OFFER: 3,
    LabelKind.HIRED: 4,
}


class LabelSource(models.TextChoices):
    ADVISOR = "advisor", _("Advisor")
    EMPLOYER = "employer", _("Employer")


class DecisionLabel(models.Model):
    """A person's decision about a candidate for a posting, kept as a training label for the
    engine's ranker. Append-only: a changed decision adds a label, it never edits one."""

    candidate = models.ForeignKey(
        "candidates.CandidateProfile", on_delete=models.CASCADE, related_name="decision_labels"
    )
    posting = models.ForeignKey(
        "employers.JobPosting", on_delete=models.CASCADE, related_name="decision_labels"
    )
    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="labels"
    )
    label = models.CharField(_("label"), max_length=30, choices=LabelKind.choices)
    relevance = models.PositiveSmallIntegerField(_("relevance"))
    source = models.CharField(_("source"), max_length=10, choices=LabelSource.choices)
    reason_code = models.CharField(_("reason"), max_length=40, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), db_index=True)
    # The engine version and score the person saw when deciding (blank for advisor additions).
    engine_version = models.CharField(_("engine version"), max_length=60, blank=True)
    score = models.FloatField(_("score"), null=True, blank=True)

    class Meta:
        verbose_name = _("decision label")
        verbose_name_plural = _("decision labels")
        ordering = ["decided_at", "pk"]
        indexes = [models.Index(fields=["posting", "decided_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | ~models.Q(engine_version=""),
                name="prequalification_label_score_has_engine_version",
            )
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} × {self.posting_id}: {self.label}"


class ReviewStatus(models.TextChoices):
    OPEN = "open", _("Awaiting an advisor")
    ANSWERED = "answered", _("Answered")


class ReviewOutcome(models.TextChoices):
    UPHELD = "upheld", _("The decision stands")
    REOPENED = "reopened", _("The proposal is reviewed again")


class ReviewRequest(models.Model):
    """A candidate asks a person to review a decision about them (Law 25, s. 12.1)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="review_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    message = models.TextField(_("your message"), max_length=2000)
    created_at = models.DateTimeField(_("asked on"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.OPEN
    )
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=ReviewOutcome.choices, blank=True
    )
    answer = models.TextField(_("answer"), blank=True, max_length=2000)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(_("answered on"), null=True, blank=True)

    class Meta:
        verbose_name = _("review request")
        verbose_name_plural = _("review requests")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal"],
                condition=models.Q(status="open"),
                name="prequalification_one_open_review_per_proposal",
            )
        ]

    def __str__(self) -> str:
        return f"review of {self.proposal_id} ({self.status})"


def shared_sections_text(sections) -> Promise:
    """What a candidate shares, in words (lazy: read in the language of whoever reads it)."""
    labels = [SharedSection(code).label for code in sorted(sections)]
    if not labels:
        return _("name and how each requirement is met, nothing more")
    return format_lazy("{}" + ", {}" * (len(labels) - 1), *labels)
