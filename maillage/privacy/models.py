from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Erasure(models.Model):
    """An account whose personal data was erased: when, why, what role (for the figures)."""

    class Reason(models.TextChoices):
        REQUEST = "request", _("At the person's request")
        RETENTION = "retention", _("End of the retention period")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="erasure"
    )
    role = models.CharField(_("role"), max_length=20)
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    erased_at = models.DateTimeField(_("erased at"), auto_now_add=True)

    class Meta:
        verbose_name = _("erased account")
        verbose_name_plural = _("erased accounts")

    def __str__(self) -> str:
        return f"{self.user_id} ({self.reason})"
