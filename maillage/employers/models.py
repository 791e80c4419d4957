import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from maillage.core.choices import SalaryPeriod, VerificationStatus
from maillage.employers.neq import validate_neq
from maillage.taxonomy.scales import (
    LANGUAGE_LEVEL_MAX,
    LANGUAGE_LEVEL_MIN,
    EducationLevel,
    LanguageLevel,
)


class Sector(models.TextChoices):
    """Sectors of the North American Industry Classification System (SCIAN/NAICS), 2 digits."""

    AGRICULTURE = "11", _("Agriculture, forestry, fishing and hunting")
    MINING = "21", _("Mining, quarrying, and oil and gas extraction")
    UTILITIES = "22", _("Utilities")
    CONSTRUCTION = "23", _("Construction")
    MANUFACTURING = "31-33", _("Manufacturing")
    WHOLESALE = "41", _("Wholesale trade")
    RETAIL = "44-45", _("Retail trade")
    TRANSPORTATION = "48-49", _("Transportation and warehousing")
    INFORMATION = "51", _("Information and cultural industries")
    FINANCE = "52", _("Finance and insurance")
    REAL_ESTATE = "53", _("Real estate and rental and leasing")
    PROFESSIONAL = "54", _("Professional, scientific and technical services")
    MANAGEMENT = "55", _("Management of companies and enterprises")
    ADMINISTRATIVE = (
        "56",
        _("Administrative and support, waste management and remediation services"),
    )
    EDUCATION = "61", _("Educational services")
    HEALTH = "62", _("Health care and social assistance")
    ARTS = "71", _("Arts, entertainment and recreation")
    ACCOMMODATION = "72", _("Accommodation and food services")
    OTHER_SERVICES = "81", _("Other services (except public administration)")
    PUBLIC_ADMINISTRATION = "91", _("Public administration")


class CompanySize(models.TextChoices):
    """Statistics Canada's employment size classes."""

    MICRO = "1-4", _("1 to 4 employees")
    SMALL = "5-19", _("5 to 19 employees")
    MEDIUM_SMALL = "20-99", _("20 to 99 employees")
    MEDIUM = "100-499", _("100 to 499 employees")
    LARGE = "500+", _("500 employees or more")


class Company(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    legal_name = models.CharField(_("legal name"), max_length=200)
    neq = models.CharField(
        _("Québec enterprise number (NEQ)"), max_length=10, unique=True, validators=[validate_neq]
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("administrative region"),
        on_delete=models.PROTECT,
        related_name="companies",
    )
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        related_name="companies",
    )
    sector = models.CharField(_("sector (NAICS)"), max_length=5, choices=Sector.choices)
    size = models.CharField(_("size"), max_length=10, choices=CompanySize.choices)
    chamber = models.ForeignKey(
        "regions.ChamberOfCommerce",
        verbose_name=_("chamber of commerce"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="companies",
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("presentation"), blank=True, max_length=4000)

    verification_status = models.CharField(
        _("verification"),
        max_length=20,
        choices=VerificationStatus.choices,
        default=VerificationStatus.PENDING,
    )
    verification_note = models.TextField(_("advisor's message"), blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["legal_name"]

    def __str__(self) -> str:
        return self.legal_name

    @property
    def is_verified(self) -> bool:
        return self.verification_status == VerificationStatus.VERIFIED


class CompanyMember(models.Model):
    class MemberRole(models.TextChoices):
        OWNER = "owner", _("Administrator")
        MEMBER = "member", _("Member")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="members")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="company_membership"
    )
    role = models.CharField(_("role"), max_length=10, choices=MemberRole.choices)
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        verbose_name = _("company member")
        verbose_name_plural = _("company members")

    def __str__(self) -> str:
        return f"{self.user} @ {self.company}"


class CompanyInvitation(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["company", "email"],
                condition=models.Q(accepted_at__isnull=True),
                name="employers_one_open_invitation_per_email",
            )
        ]

    def __str__(self) -> str:
        return self.email


class PostingStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("job posting", "Draft")
    PUBLISHED = "published", pgettext_lazy("job posting", "Published")
    FILLED = "filled", pgettext_lazy("job posting", "Filled")
    CLOSED = "closed", pgettext_lazy("job posting", "Closed")
    EXPIRED = "expired", pgettext_lazy("job posting", "Expired")


class EmploymentType(models.TextChoices):
    FULL_TIME = "full_time", _("Full time")
    PART_TIME = "part_time", _("Part time")
    SEASONAL = "seasonal", _("Seasonal")


class JobPostingQuerySet(models.QuerySet["JobPosting"]):
    def published(self) -> "JobPostingQuerySet":
        return self.filter(status=PostingStatus.PUBLISHED)

    def of_company(self, company: Company) -> "JobPostingQuerySet":
        return self.filter(company=company)


def level_field(verbose_name: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        verbose_name,
        choices=LanguageLevel.choices,
        null=True,
        blank=True,
        validators=[MinValueValidator(LANGUAGE_LEVEL_MIN), MaxValueValidator(LANGUAGE_LEVEL_MAX)],
    )


class JobPosting(models.Model):
    """A position offered by a company. Its status changes only through employers.services."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="postings")
    title = models.CharField(_("job title"), max_length=200)
    noc = models.ForeignKey(
        "taxonomy.NocGroup",
        verbose_name=_("occupation (NOC 2021)"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": 5},
    )
    description = models.TextField(_("description"), max_length=10000)
    min_education = models.PositiveSmallIntegerField(
        _("minimum education"), choices=EducationLevel.choices, default=EducationLevel.NONE
    )
    min_years_experience = models.PositiveSmallIntegerField(
        _("years of experience required"), default=0, validators=[MaxValueValidator(40)]
    )
    min_french_oral_comprehension = level_field(_("French – oral comprehension"))
    min_french_oral_production = level_field(_("French – oral production"))
    min_french_written_comprehension = level_field(_("French – written comprehension"))
    min_french_written_production = level_field(_("French – written production"))
    min_english = level_field(_("English"))
    employment_type = models.CharField(
        _("schedule"),
        max_length=20,
        choices=EmploymentType.choices,
        default=EmploymentType.FULL_TIME,
    )
    schedule_details = models.CharField(
        _("schedule details"),
        max_length=200,
        blank=True,
        help_text=_("For example: days, 40 h a week."),
    )
    salary_min = models.DecimalField(
        _("minimum salary"), max_digits=9, decimal_places=2, validators=[MinValueValidator(0)]
    )
    salary_max = models.DecimalField(
        _("maximum salary"), max_digits=9, decimal_places=2, validators=[MinValueValidator(0)]
    )
    salary_period = models.CharField(
        _("salary period"), max_length=4, choices=SalaryPeriod.choices, default=SalaryPeriod.HOUR
    )
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("place of work"),
        on_delete=models.PROTECT,
        related_name="postings",
    )
    positions = models.PositiveSmallIntegerField(
        _("number of positions"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(500)],
    )
    start_date = models.DateField(_("start date"))
    offers_housing = models.BooleanField(_("help with housing"), default=False)
    offers_relocation_allowance = models.BooleanField(_("relocation allowance"), default=False)
    offers_francization = models.BooleanField(_("French courses at work"), default=False)
    offers_spouse_job_help = models.BooleanField(
        _("help for the spouse's job search"), default=False
    )
    accepts_employer_specific_permit = models.BooleanField(
        _("an employer-specific work permit is acceptable"), default=False
    )
    # Must-haves are rules: a candidate without one is not proposed, unless the employer allows
    # it here (then at most 2 stars, with what is missing said).
    shows_missing_must_haves = models.BooleanField(
        _("also show me candidates missing a must-have (at most 2 stars)"), default=False
    )
    # Permits of a regulated occupation the job requires (codes of data/regulated_occupations,
    # among those of the posting's NOC unit group): must-haves, like licences.
    required_permits = models.JSONField(_("permits required"), default=list, blank=True)

    status = models.CharField(
        _("status"), max_length=20, choices=PostingStatus.choices, default=PostingStatus.DRAFT
    )
    expires_on = models.DateField(_("published until"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Emptied when its author's account is erased: the posting stays the company's to edit.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = JobPostingQuerySet.as_manager()

    class Meta:
        verbose_name = _("job posting")
        verbose_name_plural = _("job postings")
        ordering = ["-published_at", "-created_at"]
        indexes = [models.Index(fields=["status", "municipality"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(salary_min__lte=models.F("salary_max")),
                name="employers_posting_salary_range",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def min_french_levels(self) -> dict[str, int | None]:
        return {
            "oral_comprehension": self.min_french_oral_comprehension,
            "oral_production": self.min_french_oral_production,
            "written_comprehension": self.min_french_written_comprehension,
            "written_production": self.min_french_written_production,
        }


class PostingSkill(models.Model):
    posting = models.ForeignKey(JobPosting, on_delete=models.CASCADE, related_name="skills")
    label = models.CharField(_("skill"), max_length=200)
    esco_uri = models.CharField(_("ESCO skill"), max_length=200, blank=True)
    is_required = models.BooleanField(_("required"), default=True)
    # A must-have (a licence, a card, a certification…) is a rule, not points; it is required too.
    is_must_have = models.BooleanField(_("must-have"), default=False)

    class Meta:
        verbose_name = _("posting skill")
        verbose_name_plural = _("posting skills")
        constraints = [
            models.UniqueConstraint(fields=["posting", "label"], name="employers_skill_unique")
        ]

    def __str__(self) -> str:
        return self.label
