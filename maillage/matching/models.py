from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MatchResult(models.Model):
    """The engine's latest verdict on one candidate for one posting, as matchcore explained it.

    `breakdown` holds the per-factor scores and `reasons` the reason codes with their evidence
    (turned into sentences by maillage.matching, never stored as text); `engine_version` names the
    policy or learned model that produced the score, so an explanation always matches its score.
    """

    candidate = models.ForeignKey(
        "candidates.CandidateProfile", on_delete=models.CASCADE, related_name="match_results"
    )
    posting = models.ForeignKey(
        "employers.JobPosting", on_delete=models.CASCADE, related_name="match_results"
    )
    score = models.FloatField(_("score"))  # 0–100
    stars = models.PositiveSmallIntegerField(_("stars"))  # 1–5
    is_excluded = models.BooleanField(_("excluded by a hard rule"), default=False)
    breakdown = models.JSONField(_("breakdown"), default=dict)
    reasons = models.JSONField(_("reasons"), default=list)
    engine_version = models.CharField(_("engine version"), max_length=60)
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("match result")
        verbose_name_plural = _("match results")
        constraints = [
            models.UniqueConstraint(
                fields=["candidate", "posting"], name="matching_one_result_per_pair"
            )
        ]
        indexes = [
            models.Index(fields=["posting", "is_excluded", "-score"]),
            models.Index(fields=["candidate", "is_excluded", "-score"]),
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id} × {self.posting_id}: {self.score:.0f}"


class CandidateVector(models.Model):
    """The stored text embedding of a candidate's profile: the vector index is built from these.
    Recomputed only when the text changes (`text_sha1`); `updated_at` lets each worker's engine
    pick up what changed since it last looked."""

    candidate = models.OneToOneField(
        "candidates.CandidateProfile", on_delete=models.CASCADE, related_name="match_vector"
    )
    model_name = models.CharField(_("model"), max_length=60)
    text_sha1 = models.CharField(max_length=40)
    vector = models.BinaryField()  # float32, little-endian
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("candidate vector")
        verbose_name_plural = _("candidate vectors")

    def __str__(self) -> str:
        return f"{self.candidate_id}: {self.model_name}"


class PostingVector(models.Model):
    posting = models.OneToOneField(
        "employers.JobPosting", on_delete=models.CASCADE, related_name="match_vector"
    )
    model_name = models.CharField(_("model"), max_length=60)
    text_sha1 = models.CharField(max_length=40)
    vector = models.BinaryField()
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("posting vector")
        verbose_name_plural = _("posting vectors")

    def __str__(self) -> str:
        return f"{self.posting_id}: {self.model_name}"


class RankerModel(models.Model):
    """A learned ranker, kept with its version; the active one scores, the policy otherwise."""

    version = models.CharField(_("version"), max_length=60, unique=True)
    model_text = models.TextField()
    center = models.FloatField()
    scale = models.FloatField()
    labels = models.PositiveIntegerField(_("labels"))
    importance = models.JSONField(_("factor importance"), default=dict)
    trained_at = models.DateTimeField(_("trained at"))
    is_active = models.BooleanField(_("active"), default=False)

    class Meta:
        verbose_name = _("ranking model")
        verbose_name_plural = _("ranking models")
        ordering = ["-trained_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"],
                condition=models.Q(is_active=True),
                name="matching_one_active_ranker",
            )
        ]

    def __str__(self) -> str:
        return self.version


class ResultsPage(models.TextChoices):
    MY_MATCHES = "my-matches", _("My matches")
    POSTING_CANDIDATES = "posting-candidates", _("Candidates for a posting")


class SavedFilter(models.Model):
    """The filters and sort a person last chose on a results page: it opens as they left it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_filters"
    )
    page = models.CharField(_("page"), max_length=40, choices=ResultsPage.choices)
    query = models.JSONField(_("filters"), default=dict)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("saved filter")
        verbose_name_plural = _("saved filters")
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="matching_one_filter_per_page")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.page}"
