"""Choices shared by several apps."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VerificationStatus(models.TextChoices):
    NOT_SUBMITTED = "not_submitted", _("Not submitted")
    PENDING = "pending", _("Pending verification")
    VERIFIED = "verified", _("Verified")
    REFUSED = "refused", _("Refused")


class SalaryPeriod(models.TextChoices):
    HOUR = "hour", _("per hour")
    YEAR = "year", _("per year")
