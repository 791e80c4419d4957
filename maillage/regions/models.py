from django.db import models
from django.utils.translation import gettext_lazy as _


class RegionQuerySet(models.QuerySet["Region"]):
    def served(self) -> "RegionQuerySet":
        return self.filter(is_served=True)


class Region(models.Model):
    """One of Québec's 17 administrative regions."""

    code = models.CharField(_("code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    is_served = models.BooleanField(
        _("served by the program"),
        default=False,
        help_text=_("Employers of this region can join the program."),
    )

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = _("administrative region")
        verbose_name_plural = _("administrative regions")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code})"


class Municipality(models.Model):
    """A municipality of the MAMH directory, with coordinates where they are known."""

    code = models.CharField(_("geographic code"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=150, db_index=True)
    kind = models.CharField(_("designation"), max_length=60, blank=True)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="municipalities"
    )
    mrc_name = models.CharField(_("regional county municipality"), max_length=150, blank=True)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    # Lower-case, accent-free name for search ("montreal" finds "Montréal").
    search_name = models.CharField(max_length=150, db_index=True, editable=False)

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.region.name})"

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class ChamberOfCommerce(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.PROTECT, related_name="chambers"
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("chamber of commerce")
        verbose_name_plural = _("chambers of commerce")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
