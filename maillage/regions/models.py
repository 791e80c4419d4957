import uuid

from django.conf import settings
from django.core.validators import MinValueValidator
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
    def picker_label(self) -> str:
        """What pickers show: the designation and the MRC tell apart the municipalities that
        share a name (Bedford the town and Bedford the township, in the same MRC)."""
        parts = [self.kind.lower(), self.mrc_name, self.region.name]
        return f"{self.name} ({', '.join(part for part in parts if part)})"

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


# --- The region's showcase: presentation, figures, services, videos ---


class RegionProfile(models.Model):
    """What a region says about itself, in French and English, edited by advisors and its partner."""

    region = models.OneToOneField(Region, on_delete=models.CASCADE, related_name="profile")
    presentation_fr = models.TextField(_("presentation in French"), blank=True, max_length=6000)
    presentation_en = models.TextField(_("presentation in English"), blank=True, max_length=6000)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("region presentation")
        verbose_name_plural = _("region presentations")

    def __str__(self) -> str:
        return self.region.name

    def presentation(self, language: str) -> str:
        """The text in the page's language, the other one when it is missing."""
        if language == "en":
            return self.presentation_en or self.presentation_fr
        return self.presentation_fr or self.presentation_en


class FigureKind(models.TextChoices):
    TYPICAL_RENT = "typical_rent", _("Typical rent, 2-bedroom apartment (per month)")
    MEDIAN_WAGE = "median_wage", _("Median hourly wage")
    UNEMPLOYMENT_RATE = "unemployment_rate", _("Unemployment rate")


class RegionFigure(models.Model):
    """A key figure with its source and date; a demo value is shown as such, never as a fact."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="figures")
    kind = models.CharField(_("figure"), max_length=30, choices=FigureKind.choices)
    value = models.DecimalField(
        _("value"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("source address"), blank=True)
    as_of = models.DateField(_("date of the figure"))
    is_demo = models.BooleanField(
        _("demonstration value"),
        default=False,
        help_text=_("Shown with a warning: not a real statistic."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")
        ordering = ["kind"]
        constraints = [
            models.UniqueConstraint(fields=["region", "kind"], name="regions_one_figure_per_kind"),
            models.CheckConstraint(
                condition=~models.Q(kind="unemployment_rate") | models.Q(value__lte=100),
                name="regions_rate_at_most_100",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.region_id} {self.kind} {self.value}"


class ServiceCategory(models.TextChoices):
    SCHOOLS = "schools", _("Schools and childcare")
    HEALTH = "health", _("Health")
    FRANCIZATION = "francization", _("French courses (francization)")
    WELCOME = "welcome", _("Welcome and settling-in organisations")


class RegionService(models.Model):
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="services")
    category = models.CharField(_("category"), max_length=20, choices=ServiceCategory.choices)
    name = models.CharField(_("name"), max_length=200)
    description_fr = models.TextField(_("description in French"), blank=True, max_length=2000)
    description_en = models.TextField(_("description in English"), blank=True, max_length=2000)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["category", "name"]

    def __str__(self) -> str:
        return self.name

    def description(self, language: str) -> str:
        if language == "en":
            return self.description_en or self.description_fr
        return self.description_fr or self.description_en


def video_upload_path(instance: "RegionVideo", filename: str) -> str:
    # Never reuse the uploaded name on disk.
    return f"region_videos/{instance.public_id}/video.{instance.container}"


def poster_upload_path(instance: "RegionVideo", filename: str) -> str:
    return f"region_videos/{instance.public_id}/poster.jpg"


class RegionVideo(models.Model):
    """A video of the region, checked by PyAV on upload: only what a browser can play is kept."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="videos")
    title_fr = models.CharField(_("title in French"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    file = models.FileField(_("video file"), upload_to=video_upload_path, max_length=200)
    poster = models.FileField(_("poster image"), upload_to=poster_upload_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=50)
    container = models.CharField(_("container"), max_length=10)  # "mp4" or "webm"
    video_codec = models.CharField(_("video codec"), max_length=30)
    audio_codec = models.CharField(_("audio codec"), max_length=30, blank=True)
    duration_seconds = models.FloatField(_("duration (seconds)"))
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    size_bytes = models.PositiveBigIntegerField(_("size in bytes"))
    transcript_fr = models.TextField(_("transcript in French"), blank=True, max_length=20000)
    transcript_en = models.TextField(_("transcript in English"), blank=True, max_length=20000)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("region video")
        verbose_name_plural = _("region videos")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.title_fr

    def title(self, language: str) -> str:
        return (self.title_en or self.title_fr) if language == "en" else self.title_fr

    def transcript(self, language: str) -> str:
        if language == "en":
            return self.transcript_en or self.transcript_fr
        return self.transcript_fr or self.transcript_en


def caption_upload_path(instance: "VideoCaption", filename: str) -> str:
    return f"region_videos/{instance.video.public_id}/captions.{instance.language}.vtt"


class VideoCaption(models.Model):
    video = models.ForeignKey(RegionVideo, on_delete=models.CASCADE, related_name="captions")
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    file = models.FileField(_("captions (WebVTT)"), upload_to=caption_upload_path, max_length=200)
    cue_count = models.PositiveIntegerField(_("cues"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("captions")
        verbose_name_plural = _("captions")
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(
                fields=["video", "language"], name="regions_one_caption_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.video_id} {self.language}"
