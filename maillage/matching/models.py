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
