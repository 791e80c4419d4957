"""Two candidates who move together: an invitation by e-mail that becomes a link once the
invited person, signed in as a candidate, accepts it."""

import uuid
from datetime import datetime

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class HouseholdLinkStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Linked")
    DECLINED = "declined", _("Declined")
    ENDED = "ended", _("Ended")


class HouseholdLinkQuerySet(models.QuerySet["HouseholdLink"]):
    def accepted(self) -> "HouseholdLinkQuerySet":
        return self.filter(status=HouseholdLinkStatus.ACCEPTED)

    def pending(self) -> "HouseholdLinkQuerySet":
        return self.filter(status=HouseholdLinkStatus.PENDING)

    def involving(self, profile) -> "HouseholdLinkQuerySet":
        return self.filter(Q(inviter=profile) | Q(partner=profile))


class HouseholdLink(models.Model):
    """An invitation from `inviter` to `invitee_email`; once accepted, `partner` is the profile
    that accepted it. Either person ends it at any time (`ENDED`): nothing of the household is
    read after that."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    inviter = models.ForeignKey(
        "candidates.CandidateProfile",
        on_delete=models.CASCADE,
        related_name="household_links_sent",
    )
    # Lower case; kept only while the invitation waits (cleared once answered or ended).
    invitee_email = models.EmailField(_("partner's e-mail address"), blank=True)
    partner = models.ForeignKey(
        "candidates.CandidateProfile",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="household_links_received",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=HouseholdLinkStatus.choices,
        default=HouseholdLinkStatus.PENDING,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)
    # Since when each person lets the employers who short-list their partner read the work they
    # look for (occupations and regions, nothing else); None: they do not (the default). The
    # employer reads it only through prequalification.sharing, and only if the partner also
    # shares the household (SharedSection.HOUSEHOLD) for that posting.
    inviter_search_shared_at = models.DateTimeField(
        _("the inviter shares their work search since"), null=True, blank=True
    )
    partner_search_shared_at = models.DateTimeField(
        _("the partner shares their work search since"), null=True, blank=True
    )

    objects = HouseholdLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("household link")
        verbose_name_plural = _("household links")
        constraints = [
            # One invitation waiting or one household at a time for the person who invites.
            models.UniqueConstraint(
                fields=["inviter"],
                condition=Q(status__in=["pending", "accepted"]),
                name="households_one_open_link_per_inviter",
            ),
            models.UniqueConstraint(
                fields=["partner"],
                condition=Q(status="accepted"),
                name="households_one_household_per_partner",
            ),
            models.CheckConstraint(
                condition=~Q(partner=models.F("inviter")),
                name="households_not_oneself",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.inviter_id} → {self.partner_id or '…'} ({self.status})"

    def other_than(self, profile):
        """The other person of the household."""
        return self.partner if profile.pk == self.inviter_id else self.inviter

    def search_shared_at(self, profile) -> datetime | None:
        """Since when this person of the household lets their partner's employers read the work
        they look for, or None."""
        if profile.pk == self.inviter_id:
            return self.inviter_search_shared_at
        return self.partner_search_shared_at
