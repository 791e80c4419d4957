import uuid
from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from maillage.core.choices import SalaryPeriod, VerificationStatus
from maillage.taxonomy.scales import (
    LANGUAGE_LEVEL_MAX,
    LANGUAGE_LEVEL_MIN,
    EducationLevel,
    LanguageLevel,
)
from matchcore.eligibility import PERMANENT_STATUSES, Eligibility, assess_eligibility


class ImmigrationStatus(models.TextChoices):
    # Values are matchcore.eligibility.ImmigrationStatus's; a test keeps the two in step.
    PERMANENT_RESIDENT = "permanent_resident", _("Permanent resident")
    OPEN_WORK_PERMIT = "open_work_permit", _("Open work permit")
    EMPLOYER_SPECIFIC_PERMIT = "employer_specific_permit", _("Employer-specific work permit")
    WORKING_HOLIDAY = (
        "working_holiday",
        _("Working holiday permit (International Experience Canada)"),
    )
    POST_GRADUATION_PERMIT = "post_graduation_permit", _("Post-graduation work permit")
    PROTECTED_PERSON = "protected_person", _("Protected person")
    OTHER = "other", _("Other")


class Relocation(models.TextChoices):
    """Her answer to « Would you move to another region for a job? » ("": not answered yet)."""

    YES = "yes", _("Yes, I would move")
    WITH_AID = "with_aid", _("Yes, if the employer offers relocation assistance")
    NO = "no", _("No, I would not move")


class PermitStatus(models.TextChoices):
    # Values are matchcore.engine.PermitStatus's; a test keeps the two in step.
    HELD = "held", _("I hold it (valid in Québec)")
    IN_PROGRESS = "in_progress", _("In progress")
    OBTAINED_ABROAD = "obtained_abroad", _("Obtained abroad, not yet recognised in Québec")
    NONE = "none", _("I do not have it")


def language_level_field(verbose_name: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        verbose_name,
        choices=LanguageLevel.choices,
        null=True,
        blank=True,
        validators=[MinValueValidator(LANGUAGE_LEVEL_MIN), MaxValueValidator(LANGUAGE_LEVEL_MAX)],
    )


class CandidateProfile(models.Model):
    """What a newcomer tells the program about themself. Protected grounds (origin, gender, age,
    family, religion) are deliberately absent: the matching engine must never read them."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="candidate_profile"
    )
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    # Empty until the person says: a default ("Canada") would be an answer she never gave.
    current_country = CountryField(_("country where you live now"), blank=True)
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("current municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("If you already live in Québec."),
    )
    admission_date = models.DateField(_("date of admission to Québec"), null=True, blank=True)
    immigration_status = models.CharField(
        _("immigration status"), max_length=40, choices=ImmigrationStatus.choices, blank=True
    )
    permit_expires_on = models.DateField(_("permit expiry date"), null=True, blank=True)

    french_oral_comprehension = language_level_field(_("French – oral comprehension"))
    french_oral_production = language_level_field(_("French – oral production"))
    french_written_comprehension = language_level_field(_("French – written comprehension"))
    french_written_production = language_level_field(_("French – written production"))
    english_oral_comprehension = language_level_field(_("English – oral comprehension"))
    english_oral_production = language_level_field(_("English – oral production"))
    english_written_comprehension = language_level_field(_("English – written comprehension"))
    english_written_production = language_level_field(_("English – written production"))

    summary = models.TextField(
        _("about you"),
        blank=True,
        max_length=4000,
        help_text=_("Your trade, what you are good at, the job you are looking for."),
    )
    desired_occupations = models.ManyToManyField(
        "taxonomy.NocGroup",
        verbose_name=_("desired occupations"),
        blank=True,
        related_name="+",
        limit_choices_to={"level": 5},
    )
    regions_of_interest = models.ManyToManyField(
        "regions.Region", verbose_name=_("regions of interest"), blank=True, related_name="+"
    )
    is_open_to_all_regions = models.BooleanField(_("open to every region"), default=False)
    has_drivers_licence = models.BooleanField(_("driver's licence"), default=False)
    has_car = models.BooleanField(_("car"), default=False)
    # "": not said yet (the engine then counts on her regions of interest only, as for a no).
    # WITH_AID: another region only for a posting that offers a relocation allowance.
    relocation = models.CharField(
        _("ready to relocate"), max_length=8, choices=Relocation.choices, blank=True
    )
    # Permits of regulated occupations (data/regulated_occupations): permit code → PermitStatus.
    # Written only through candidates.services.candidate_permits_update.
    permits = models.JSONField(_("permits of regulated occupations"), default=dict, blank=True)
    available_from = models.DateField(_("available from"), null=True, blank=True)
    salary_expectation = models.DecimalField(
        _("salary expectation"),
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    salary_period = models.CharField(
        _("salary period"), max_length=4, choices=SalaryPeriod.choices, default=SalaryPeriod.HOUR
    )

    verification_status = models.CharField(
        _("verification"),
        max_length=20,
        choices=VerificationStatus.choices,
        default=VerificationStatus.NOT_SUBMITTED,
    )
    verification_note = models.TextField(_("advisor's message"), blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("candidate profile")
        verbose_name_plural = _("candidate profiles")
        # The advisors' queue: pending profiles, oldest first (and its count on the team's home).
        indexes = [
            models.Index(fields=["verification_status", "updated_at"], name="candidates_queue_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(salary_expectation__gte=0)
                | models.Q(salary_expectation__isnull=True),
                name="candidates_salary_not_negative",
            )
        ]

    def __str__(self) -> str:
        return self.user.full_name

    @property
    def has_permanent_status(self) -> bool:
        """A right to work with no end (matchcore.eligibility.PERMANENT_STATUSES, the one list):
        such a profile has no permit expiry."""
        return self.immigration_status in PERMANENT_STATUSES

    def eligibility(self, *, today: date) -> Eligibility:
        return assess_eligibility(
            admission_date=self.admission_date,
            status=self.immigration_status or None,
            permit_expires_on=self.permit_expires_on,
            is_verified=self.verification_status == VerificationStatus.VERIFIED,
            is_refused=self.verification_status == VerificationStatus.REFUSED,
            today=today,
            years=settings.ELIGIBILITY_YEARS,
        )

    def french_levels(self) -> dict[str, int | None]:
        return {
            "oral_comprehension": self.french_oral_comprehension,
            "oral_production": self.french_oral_production,
            "written_comprehension": self.french_written_comprehension,
            "written_production": self.french_written_production,
        }

    def english_levels(self) -> dict[str, int | None]:
        return {
            "oral_comprehension": self.english_oral_comprehension,
            "oral_production": self.english_oral_production,
            "written_comprehension": self.english_written_comprehension,
            "written_production": self.english_written_production,
        }


def proof_upload_path(instance: "ProofDocument", filename: str) -> str:
    # Never reuse the uploaded name on disk: it is kept apart, for display only.
    return f"proofs/{instance.candidate.public_id}/{uuid.uuid4().hex}"


class ProofDocument(models.Model):
    class Kind(models.TextChoices):
        ADMISSION = (
            "admission",
            _("Proof of admission (confirmation of permanent residence, PR card…)"),
        )
        WORK_PERMIT = "work_permit", _("Work permit")
        OTHER = "other", _("Other document")

    candidate = models.ForeignKey(
        CandidateProfile, on_delete=models.CASCADE, related_name="proof_documents"
    )
    kind = models.CharField(_("document type"), max_length=20, choices=Kind.choices)
    file = models.FileField(_("file"), upload_to=proof_upload_path)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size_bytes = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("proof document")
        verbose_name_plural = _("proof documents")
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class WorkExperience(models.Model):
    candidate = models.ForeignKey(
        CandidateProfile, on_delete=models.CASCADE, related_name="experiences"
    )
    title = models.CharField(_("job title"), max_length=200)
    employer_name = models.CharField(_("employer"), max_length=200, blank=True)
    country = CountryField(_("country"))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Leave empty if you still hold this job.")
    )
    description = models.TextField(_("description"), blank=True, max_length=4000)
    # The NOC unit group the candidate confirmed for this title (suggested by the normaliser).
    noc = models.ForeignKey(
        "taxonomy.NocGroup",
        verbose_name=_("occupation (NOC 2021)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": 5},
    )

    class Meta:
        verbose_name = _("work experience")
        verbose_name_plural = _("work experiences")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="candidates_experience_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Education(models.Model):
    candidate = models.ForeignKey(
        CandidateProfile, on_delete=models.CASCADE, related_name="educations"
    )
    level = models.PositiveSmallIntegerField(_("level"), choices=EducationLevel.choices)
    field = models.CharField(_("field of study"), max_length=200)
    country = CountryField(_("country"))
    year_completed = models.PositiveSmallIntegerField(
        _("year completed"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    has_quebec_evaluation = models.BooleanField(
        _("comparative evaluation for studies done outside Québec obtained"), default=False
    )
    # The Québec comparative evaluation's reference number and the level it gives the diploma:
    # that level, not the one declared, counts for a posting's education requirement.
    evaluation_number = models.CharField(
        _("comparative evaluation reference number"), max_length=40, blank=True
    )
    evaluated_level = models.PositiveSmallIntegerField(
        _("level recognised by the comparative evaluation"),
        choices=EducationLevel.choices,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("education record")
        verbose_name_plural = _("education records")
        ordering = ["-level"]

    def __str__(self) -> str:
        return self.field

    @property
    def counted_level(self) -> int:
        """The level a posting's education requirement compares: the evaluation's when there
        is one."""
        return self.level if self.evaluated_level is None else self.evaluated_level


class CandidateSkill(models.Model):
    """A skill the candidate confirmed, linked to ESCO where the extractor recognised it."""

    class Source(models.TextChoices):
        DECLARED = "declared", _("Typed by the candidate")
        CV = "cv", _("Found in the CV, confirmed")
        EXPERIENCE = "experience", _("Found in an experience, confirmed")

    candidate = models.ForeignKey(CandidateProfile, on_delete=models.CASCADE, related_name="skills")
    label = models.CharField(_("skill"), max_length=200)
    esco_uri = models.CharField(_("ESCO skill"), max_length=200, blank=True)
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.DECLARED)

    class Meta:
        verbose_name = _("skill")
        verbose_name_plural = _("skills")
        constraints = [
            models.UniqueConstraint(fields=["candidate", "label"], name="candidates_skill_unique")
        ]

    def __str__(self) -> str:
        return self.label
