"""Attributes a candidate may declare, only for the fairness audit. Stored apart from the profile,
reached from no other model (related_name="+"), read by no other app (an import-linter contract
forbids it), never shown to employers nor given to the matching engine."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    NON_BINARY = "non_binary", _("Non-binary person")
    ANOTHER = "another", _("Another gender identity")


class AgeBand(models.TextChoices):
    UNDER_25 = "under_25", _("Under 25")
    FROM_25 = "25_34", _("25 to 34")
    FROM_35 = "35_44", _("35 to 44")
    FROM_45 = "45_54", _("45 to 54")
    FROM_55 = "55_plus", _("55 or over")


class WorldRegion(models.TextChoices):
    """Regions of birth, grouped as in the United Nations geoscheme (M49)."""

    AFRICA_NORTH = "africa_north", _("Northern Africa")
    AFRICA_SUB_SAHARAN = "africa_sub_saharan", _("Sub-Saharan Africa")
    LATIN_AMERICA = "latin_america", _("Latin America and the Caribbean")
    NORTH_AMERICA = "north_america", _("North America")
    ASIA_EAST = "asia_east", _("Eastern and South-Eastern Asia")
    ASIA_SOUTH = "asia_south", _("Southern and Central Asia")
    ASIA_WEST = "asia_west", _("Western Asia (Middle East)")
    EUROPE = "europe", _("Europe")
    OCEANIA = "oceania", _("Oceania")


class VisibleMinority(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")


ATTRIBUTES = {
    "gender": Gender,
    "age_band": AgeBand,
    "world_region": WorldRegion,
    "visible_minority": VisibleMinority,
}


class AuditDeclaration(models.Model):
    """Every field is optional: blank means "I prefer not to say"."""

    candidate = models.OneToOneField(
        "candidates.CandidateProfile", on_delete=models.CASCADE, related_name="+"
    )
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)
    age_band = models.CharField(_("age group"), max_length=20, choices=AgeBand.choices, blank=True)
    world_region = models.CharField(
        _("region of birth"), max_length=30, choices=WorldRegion.choices, blank=True
    )
    visible_minority = models.CharField(
        _("member of a visible minority"), max_length=5, choices=VisibleMinority.choices, blank=True
    )
    declared_at = models.DateTimeField(_("declared at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("self-declaration for the fairness audit")
        verbose_name_plural = _("self-declarations for the fairness audit")

    def __str__(self) -> str:
        return f"declaration {self.pk}"
