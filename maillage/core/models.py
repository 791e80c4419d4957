import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class ReferenceDataset(models.Model):
    """Which version of a shipped reference file is in the database, so reloading is idempotent."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    checksum = models.CharField(_("checksum"), max_length=64)
    rows = models.PositiveIntegerField(_("rows"))
    loaded_at = models.DateTimeField(_("loaded at"), auto_now=True)

    class Meta:
        verbose_name = _("reference dataset")
        verbose_name_plural = _("reference datasets")

    def __str__(self) -> str:
        return f"{self.name} ({self.rows})"


class JobState(models.TextChoices):
    QUEUED = "queued", _("Waiting for a worker")
    RUNNING = "running", _("Running")
    SUCCEEDED = "succeeded", _("Done")
    FAILED = "failed", _("Failed")


ACTIVE_JOB_STATES = (JobState.QUEUED, JobState.RUNNING)


class BackgroundJob(models.Model):
    """A long computation asked from a page and run as a task (a schedule, a full rematch): its
    progress, its outcome and who asked. At most one active job per kind and subject, so asking
    twice while one runs shows the running one instead of starting a second."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=50)
    subject = models.CharField(_("subject"), max_length=100, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=JobState.choices, default=JobState.QUEUED
    )
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    # The step and the error are kept as written in the code (source text, one line per error
    # message, and each message's values): `step_text` and `error_text` give them in the
    # reader's language, whoever asked.
    step = models.CharField(_("current step"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    error_params = models.JSONField(_("values in the error"), default=list, blank=True)
    result = models.JSONField(_("result"), default=dict, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last heard of"), auto_now=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "subject"],
                condition=models.Q(state__in=["queued", "running"]),
                name="core_one_active_job_per_subject",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.subject} ({self.state})"

    @property
    def is_active(self) -> bool:
        return self.state in ACTIVE_JOB_STATES

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def step_text(self) -> str:
        return gettext(self.step) if self.step else ""

    @property
    def error_text(self) -> str:
        """The error in the active language (a row written before the values were kept, or a
        text the code had already translated, reads as it was written)."""
        lines = self.error.splitlines() if self.error else []
        params = list(self.error_params or []) + [{}] * len(lines)
        return " ".join(
            gettext(line) % values if values else gettext(line)
            for line, values in zip(lines, params, strict=False)
        )


class OutboxMessage(models.Model):
    """A task to queue, written in the transaction that asks for it: queued on commit, and by
    the periodic `outbox_drain` when the broker was away (a request while Redis is down loses
    nothing)."""

    task = models.CharField(_("task"), max_length=200)
    kwargs = models.JSONField(_("arguments"), default=dict)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing task")
        verbose_name_plural = _("outgoing tasks")
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(sent_at__isnull=True),
                name="core_outbox_unsent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.task} ({'sent' if self.sent_at else 'waiting'})"
