import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maillage.accounts.time_zones import DEFAULT_TIME_ZONE, time_zone_choices


class Role(models.TextChoices):
    CANDIDATE = "candidate", _("Candidate")
    EMPLOYER = "employer", _("Employer")
    ADVISOR = "advisor", _("Advisor")
    PARTNER = "partner", _("Regional partner")
    MANAGER = "manager", _("Program manager")


# Roles of the program team: they may read candidates' and employers' records for their work.
TEAM_ROLES = frozenset({Role.ADVISOR, Role.MANAGER})


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_by_natural_key(self, username: str) -> "User":
        return self.get(email__iexact=username)

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields.setdefault("role", Role.MANAGER)
        fields.setdefault("full_name", "Administrator")
        fields.update(is_staff=True, is_superuser=True, email_confirmed_at=timezone.now())
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES, default="fr"
    )
    # Where the person is: times are shown and e-mailed in this zone (candidates may be abroad).
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=time_zone_choices,
        default=DEFAULT_TIME_ZONE,
    )
    # A regional partner works for one region; advisors may have a home region too.
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    email_confirmed_at = models.DateTimeField(_("e-mail confirmed at"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                models.functions.Lower("email"), name="accounts_user_email_ci_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.full_name} <{self.email}>"

    @property
    def is_candidate(self) -> bool:
        return self.role == Role.CANDIDATE

    @property
    def is_employer(self) -> bool:
        return self.role == Role.EMPLOYER

    @property
    def is_advisor(self) -> bool:
        return self.role == Role.ADVISOR

    @property
    def is_program_manager(self) -> bool:
        return self.role == Role.MANAGER

    @property
    def is_team(self) -> bool:
        return self.role in TEAM_ROLES

    @property
    def has_confirmed_email(self) -> bool:
        return self.email_confirmed_at is not None


class ConsentPurpose(models.TextChoices):
    # Required to hold an account: withdrawing it means closing the account.
    PRIVACY_NOTICE = "privacy_notice", _("Processing of my data as described in the privacy notice")
    # Optional, given and withdrawn apart: self-declared attributes used only for the fairness audit.
    FAIRNESS_AUDIT = (
        "fairness_audit",
        _("Use of the information I declare about myself to audit the fairness of the matching"),
    )


class PrivacyConsent(models.Model):
    """One consent a person gave, with the notice version they read; withdrawal keeps the record."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consents"
    )
    purpose = models.CharField(_("purpose"), max_length=40, choices=ConsentPurpose.choices)
    notice_version = models.CharField(_("notice version"), max_length=20)
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("privacy consent")
        verbose_name_plural = _("privacy consents")
        ordering = ["-given_at"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.purpose} v{self.notice_version}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class ProfileView(models.Model):
    """Audit log: someone other than the candidate opened a candidate's record."""

    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("viewer"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="profile_views_made",
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("candidate"),
        on_delete=models.CASCADE,
        related_name="profile_views_received",
    )
    viewed_at = models.DateTimeField(_("viewed at"), default=timezone.now, db_index=True)
    what = models.CharField(_("what was seen"), max_length=200)

    class Meta:
        verbose_name = _("profile view")
        verbose_name_plural = _("profile views")
        ordering = ["-viewed_at"]

    def __str__(self) -> str:
        return f"{self.viewer_id} → {self.subject_id}: {self.what}"
