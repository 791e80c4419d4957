"""Video interviews after the short list, their outcome, and the placement that follows a hire.

An interview's status moves only through maillage.interviews.services (transitions.py holds the
one table of allowed moves). Times are stored in UTC and shown in each person's time zone.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class InterviewSlot(models.Model):
    """A time the employer can meet. The same slot may be offered to several invited candidates;
    the first to pick it books it (Interview.slot is unique), the others see it taken."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    company = models.ForeignKey(
        "employers.Company", on_delete=models.CASCADE, related_name="interview_slots"
    )
    posting = models.ForeignKey(
        "employers.JobPosting", on_delete=models.CASCADE, related_name="interview_slots"
    )
    starts_at = models.DateTimeField(_("start"))
    ends_at = models.DateTimeField(_("end"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The employer can no longer meet at this time (they rescheduled or cancelled it).
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("interview slot")
        verbose_name_plural = _("interview slots")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="interviews_slot_ends_after_start",
            )
        ]
        indexes = [models.Index(fields=["company", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.posting_id} {self.starts_at:%Y-%m-%d %H:%M}Z"

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)


class InterviewStatus(models.TextChoices):
    AWAITING_CANDIDATE = "awaiting_candidate", _("Waiting for the candidate to choose a time")
    SLOTS_NEEDED = "slots_needed", _("Waiting for the employer to propose times")
    SCHEDULED = "scheduled", pgettext_lazy("interview", "Scheduled")
    CANCELLED = "cancelled", pgettext_lazy("interview", "Cancelled")
    COMPLETED = "completed", _("Outcome recorded")


class VideoKind(models.TextChoices):
    JITSI = "jitsi", _("A video room created by Maillage (Jitsi Meet, nothing to install)")
    LINK = "link", _("My own link (Microsoft Teams, Zoom, Google Meet…)")


class Outcome(models.TextChoices):
    NO_SHOW = "no_show", _("The candidate did not come")
    SECOND_INTERVIEW = "second_interview", _("Second interview")
    OFFER = "offer", pgettext_lazy("job", "Job offer made")
    HIRED = "hired", _("Hired")
    NOT_RETAINED = "not_retained", _("Not retained")


class Interview(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    proposal = models.ForeignKey(
        "prequalification.Proposal", on_delete=models.CASCADE, related_name="interviews"
    )
    round = models.PositiveSmallIntegerField(_("round"), default=1)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=InterviewStatus.choices,
        default=InterviewStatus.AWAITING_CANDIDATE,
    )
    offered_slots = models.ManyToManyField(
        InterviewSlot, related_name="offered_in", blank=True, verbose_name=_("times proposed")
    )
    # The booked time: unique, so two interviews can never hold the same slot.
    slot = models.OneToOneField(
        InterviewSlot,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="booking",
        verbose_name=_("time chosen"),
    )
    video_kind = models.CharField(
        _("video meeting"), max_length=10, choices=VideoKind.choices, default=VideoKind.JITSI
    )
    video_url = models.URLField(_("meeting link"), max_length=500, blank=True)
    # The Jitsi room, named when the candidate picks a time (see maillage.core.video_rooms).
    room_name = models.CharField(max_length=100, blank=True)
    message = models.TextField(_("message to the candidate"), blank=True, max_length=2000)
    scheduled_at = models.DateTimeField(null=True, blank=True)
    # Incremented at each change of the booked time, so calendars update the same event.
    calendar_sequence = models.PositiveIntegerField(default=0)
    reminder_24h_sent_at = models.DateTimeField(null=True, blank=True)
    reminder_1h_sent_at = models.DateTimeField(null=True, blank=True)

    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_reason = models.CharField(_("reason"), max_length=40, blank=True)
    outcome_note = models.TextField(_("note"), blank=True, max_length=2000)
    outcome_recorded_at = models.DateTimeField(null=True, blank=True)
    outcome_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("interview")
        verbose_name_plural = _("interviews")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "round"], name="interviews_one_interview_per_round"
            )
        ]
        indexes = [models.Index(fields=["status", "reminder_24h_sent_at", "reminder_1h_sent_at"])]

    def __str__(self) -> str:
        return f"interview {self.public_id} ({self.status})"

    @property
    def outcome_reason_label(self) -> str:
        from maillage.prequalification.models import EmployerReason

        return str(dict(EmployerReason.choices).get(self.outcome_reason, self.outcome_reason))


class InterviewEvent(models.Model):
    """The interview's history: who proposed, chose, moved or cancelled a time, and why."""

    class Kind(models.TextChoices):
        INVITED = "invited", _("Invitation sent with times")
        SLOTS_PROPOSED = "slots_proposed", _("New times proposed")
        OTHER_SLOTS_REQUESTED = "other_slots_requested", _("Other times requested")
        SLOT_PICKED = "slot_picked", _("Time chosen")
        RESCHEDULED = "rescheduled", _("Time cancelled to choose another one")
        CANCELLED = "cancelled", pgettext_lazy("interview", "Cancelled")
        OUTCOME = "outcome", _("Outcome recorded")

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(blank=True, max_length=2000)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("interview event")
        verbose_name_plural = _("interview events")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.interview_id} {self.kind}"


class Placement(models.Model):
    """A hire through the program, followed at 3, 6 and 12 months for the program's figures."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    interview = models.OneToOneField(Interview, on_delete=models.PROTECT, related_name="placement")
    candidate = models.ForeignKey(
        "candidates.CandidateProfile", on_delete=models.PROTECT, related_name="placements"
    )
    posting = models.ForeignKey(
        "employers.JobPosting", on_delete=models.PROTECT, related_name="placements"
    )
    company = models.ForeignKey(
        "employers.Company", on_delete=models.PROTECT, related_name="placements"
    )
    position = models.CharField(_("position"), max_length=200)
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("municipality of work"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    region = models.ForeignKey(
        "regions.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="+"
    )
    start_date = models.DateField(_("start date"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["-start_date"]

    def __str__(self) -> str:
        return f"{self.position} ({self.start_date})"


class FollowUpStatus(models.TextChoices):
    PENDING = "pending", _("To do")
    DONE = "done", _("Done")


class FollowUp(models.Model):
    """An advisor's check, some months after the start: still employed? still in the region?"""

    placement = models.ForeignKey(Placement, on_delete=models.CASCADE, related_name="follow_ups")
    months = models.PositiveSmallIntegerField(_("months after the start"))
    due_on = models.DateField(_("due on"))
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("advisor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="follow_ups",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=FollowUpStatus.choices, default=FollowUpStatus.PENDING
    )
    is_still_employed = models.BooleanField(_("still employed"), null=True, blank=True)
    is_still_in_region = models.BooleanField(_("still in the region"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, max_length=2000)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["placement", "months"], name="interviews_one_follow_up_per_milestone"
            )
        ]

    def __str__(self) -> str:
        return f"{self.placement_id} +{self.months} months"
