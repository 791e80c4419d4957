"""Matching activities (speed meetings, virtual job fairs, exploratory visits), who registered,
the meetings of their computed schedule, and what came of them."""

import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ActivityKind(models.TextChoices):
    SPEED_MEETING = "speed_meeting", _("Speed meeting")
    VIRTUAL_FAIR = "virtual_fair", _("Virtual job fair")
    EXPLORATORY_VISIT = "exploratory_visit", _("Exploratory visit")


class ActivityStatus(models.TextChoices):
    OPEN = "open", _("Registration open")
    SCHEDULED = "scheduled", _("Schedule published")
    COMPLETED = "completed", pgettext_lazy("activity", "Completed")
    CANCELLED = "cancelled", pgettext_lazy("activity", "Cancelled")


class ScheduleStatus(models.TextChoices):
    # Values are matchcore.schedule.SolveStatus's.
    OPTIMAL = "optimal", _("Best possible (proven)")
    FEASIBLE = "feasible", _("Best found in the time limit (not proven optimal)")


class ActivityQuerySet(models.QuerySet["Activity"]):
    def upcoming(self, *, today) -> "ActivityQuerySet":
        return self.filter(
            date__gte=today, status__in=[ActivityStatus.OPEN, ActivityStatus.SCHEDULED]
        )

    def in_region(self, region) -> "ActivityQuerySet":
        return self.filter(region=region)


class Activity(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("type"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(pgettext_lazy("activity", "title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=4000)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="activities",
    )
    date = models.DateField(_("date"))
    starts_at = models.TimeField(_("first meeting starts at"))
    slot_count = models.PositiveSmallIntegerField(
        _("number of time slots"), validators=[MinValueValidator(1), MaxValueValidator(48)]
    )
    slot_minutes = models.PositiveSmallIntegerField(
        _("length of a slot (minutes)"), validators=[MinValueValidator(5), MaxValueValidator(240)]
    )
    break_minutes = models.PositiveSmallIntegerField(
        _("break between slots (minutes)"), default=0, validators=[MaxValueValidator(120)]
    )
    candidate_capacity = models.PositiveSmallIntegerField(
        _("places for candidates"), validators=[MinValueValidator(1), MaxValueValidator(5000)]
    )
    employer_capacity = models.PositiveSmallIntegerField(
        _("places for employers"), validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )
    max_meetings_per_candidate = models.PositiveSmallIntegerField(
        _("meetings per candidate at most"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(48)],
    )
    tables_per_employer = models.PositiveSmallIntegerField(
        _("tables per employer"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
        help_text=_("Meetings an employer can hold at the same time."),
    )
    is_virtual = models.BooleanField(
        _("virtual"), default=False, help_text=_("Each meeting gets its own video room.")
    )
    address = models.CharField(
        _("address"), max_length=300, blank=True, help_text=_("Where the activity takes place.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ActivityStatus.choices, default=ActivityStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    # The last computed schedule, as the solver reported it.
    schedule_status = models.CharField(
        _("schedule quality"), max_length=20, choices=ScheduleStatus.choices, blank=True
    )
    schedule_total_score = models.FloatField(_("total match score"), null=True, blank=True)
    schedule_upper_bound = models.FloatField(_("proven upper bound"), null=True, blank=True)
    schedule_seconds = models.FloatField(_("solve time (seconds)"), null=True, blank=True)
    schedule_method = models.CharField(_("method"), max_length=20, blank=True)
    schedule_computed_at = models.DateTimeField(_("schedule computed at"), null=True, blank=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("matching activity")
        verbose_name_plural = _("matching activities")
        ordering = ["date", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(is_virtual=True) | ~models.Q(address=""),
                name="activities_in_person_has_address",
                violation_error_message=_("An activity in person needs an address."),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def slot_start(self, slot: int) -> datetime:
        first = timezone.make_aware(datetime.combine(self.date, self.starts_at))
        return first + timedelta(minutes=slot * (self.slot_minutes + self.break_minutes))

    def slot_end(self, slot: int) -> datetime:
        return self.slot_start(slot) + timedelta(minutes=self.slot_minutes)

    def slots(self) -> list[tuple[int, datetime, datetime]]:
        return [(s, self.slot_start(s), self.slot_end(s)) for s in range(self.slot_count)]

    @property
    def ends_at(self) -> datetime:
        return self.slot_end(self.slot_count - 1)

    @property
    def is_open(self) -> bool:
        return self.status == ActivityStatus.OPEN


class EmployerRegistration(models.Model):
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="employer_registrations"
    )
    company = models.ForeignKey(
        "employers.Company", on_delete=models.CASCADE, related_name="activity_registrations"
    )
    postings = models.ManyToManyField(
        "employers.JobPosting", verbose_name=_("postings brought"), related_name="+"
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    # Set when the employer took part: an advisor recorded it, or one of its meetings was checked in.
    attended_at = models.DateTimeField(_("took part at"), null=True, blank=True)

    class Meta:
        verbose_name = _("employer registration")
        verbose_name_plural = _("employer registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "company"], name="activities_one_employer_registration"
            )
        ]

    def __str__(self) -> str:
        return f"{self.company_id} @ {self.activity_id}"


class CandidateRegistration(models.Model):
    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        REGISTERED = "registered", _("Registered")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="candidate_registrations"
    )
    candidate = models.ForeignKey(
        "candidates.CandidateProfile",
        on_delete=models.CASCADE,
        related_name="activity_registrations",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The candidate agreed that the employers they meet see their name and profile summary.
    consented_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("candidate registration")
        verbose_name_plural = _("candidate registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "candidate"], name="activities_one_candidate_registration"
            )
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} @ {self.activity_id}"


class MeetingConstraint(models.Model):
    """An advisor's decision the solver must follow: keep a meeting (at its slot) or never hold it."""

    class Kind(models.TextChoices):
        PIN = "pin", _("Keep this meeting")
        FORBID = "forbid", _("Never schedule this meeting")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="constraints")
    candidate = models.ForeignKey(
        "candidates.CandidateProfile", on_delete=models.CASCADE, related_name="+"
    )
    company = models.ForeignKey("employers.Company", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("decision"), max_length=10, choices=Kind.choices)
    slot = models.PositiveSmallIntegerField(_("slot"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting decision")
        verbose_name_plural = _("meeting decisions")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "candidate", "company"],
                name="activities_one_constraint_per_pair",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.candidate_id}–{self.company_id}"


class MeetingOutcome(models.TextChoices):
    PENDING = "pending", _("No follow-up yet")
    INTERVIEW = "interview", _("Interview planned")
    HIRED = "hired", _("Hired")
    NOT_PURSUED = "not_pursued", _("Not pursued")


class Meeting(models.Model):
    """One meeting of the computed schedule: a candidate meets an employer in a slot, at a table."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="meetings")
    candidate = models.ForeignKey(
        "candidates.CandidateProfile", on_delete=models.CASCADE, related_name="activity_meetings"
    )
    company = models.ForeignKey(
        "employers.Company", on_delete=models.CASCADE, related_name="activity_meetings"
    )
    # The posting brought by the employer that best matches the candidate.
    posting = models.ForeignKey(
        "employers.JobPosting", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    slot = models.PositiveSmallIntegerField(_("slot"))
    table = models.PositiveSmallIntegerField(_("table"), default=0)
    score = models.FloatField(_("match score"))
    # The matching engine's version behind the score (as on MatchResult), for explanations.
    engine_version = models.CharField(_("engine version"), max_length=60)
    room_name = models.CharField(_("video room"), max_length=100, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    outcome = models.CharField(
        _("follow-up"),
        max_length=20,
        choices=MeetingOutcome.choices,
        default=MeetingOutcome.PENDING,
    )
    outcome_at = models.DateTimeField(_("follow-up recorded at"), null=True, blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["slot", "table"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "candidate", "company"], name="activities_one_meeting_per_pair"
            ),
            models.UniqueConstraint(
                fields=["activity", "candidate", "slot"], name="activities_candidate_one_per_slot"
            ),
            models.UniqueConstraint(
                fields=["activity", "company", "slot", "table"],
                name="activities_one_meeting_per_table",
            ),
            models.UniqueConstraint(
                fields=["room_name"],
                condition=~models.Q(room_name=""),
                name="activities_unique_room",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.activity_id} slot {self.slot}: {self.candidate_id}–{self.company_id}"

    @property
    def starts_at(self) -> datetime:
        return self.activity.slot_start(self.slot)

    @property
    def ends_at(self) -> datetime:
        return self.activity.slot_end(self.slot)
