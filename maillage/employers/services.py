"""Every change to companies and postings goes through these functions. A posting's status moves
only along POSTING_TRANSITIONS."""

from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from maillage.accounts.models import Role, User
from maillage.accounts.services import privacy_consent_give, user_create
from maillage.core.choices import VerificationStatus
from maillage.core.mail import mail_send_later
from maillage.employers.models import (
    Company,
    CompanyInvitation,
    CompanyMember,
    JobPosting,
    PostingSkill,
    PostingStatus,
)
from maillage.matching.tasks import posting_rematch_later
from maillage.taxonomy.selectors import skill_links

DEFAULT_PUBLICATION_DAYS = 60

POSTING_TRANSITIONS: dict[str, frozenset[str]] = {
    PostingStatus.DRAFT: frozenset({PostingStatus.PUBLISHED}),
    PostingStatus.PUBLISHED: frozenset(
        {PostingStatus.FILLED, PostingStatus.CLOSED, PostingStatus.EXPIRED}
    ),
    PostingStatus.FILLED: frozenset(),
    PostingStatus.CLOSED: frozenset(),
    PostingStatus.EXPIRED: frozenset(),
}


class PostingTransitionError(ValidationError):
    pass


@transaction.atomic
def employer_signup(
    *, email: str, password: str, full_name: str, language: str, company_fields: dict[str, Any]
) -> CompanyMember:
    """Create the person's account and the company they administer, unverified, in one go."""
    user = user_create(
        email=email, password=password, full_name=full_name, role=Role.EMPLOYER, language=language
    )
    privacy_consent_give(user=user)
    municipality = company_fields["municipality"]
    company = Company(**company_fields, region=municipality.region)
    company.full_clean()
    company.save()
    return CompanyMember.objects.create(
        company=company, user=user, role=CompanyMember.MemberRole.OWNER
    )


@transaction.atomic
def company_update(*, company: Company, changes: dict[str, Any]) -> Company:
    """Edit the company. Changing its NEQ or legal name sends it back to verification."""
    company = Company.objects.select_for_update().get(pk=company.pk)
    identity_changed = any(
        getattr(company, name) != changes[name] for name in ("neq", "legal_name") if name in changes
    )
    for name, value in changes.items():
        setattr(company, name, value)
    if "municipality" in changes:
        company.region = changes["municipality"].region
    if identity_changed and company.verification_status == VerificationStatus.VERIFIED:
        company.verification_status = VerificationStatus.PENDING
        company.verified_at = None
    company.full_clean()
    company.save()
    return company


@transaction.atomic
def company_verify(*, company: Company, by: User, note: str = "") -> Company:
    return _company_decide(company=company, by=by, status=VerificationStatus.VERIFIED, note=note)


@transaction.atomic
def company_refuse(*, company: Company, by: User, reason: str) -> Company:
    if not reason.strip():
        raise ValueError("A refusal needs a reason the company can read")
    return _company_decide(company=company, by=by, status=VerificationStatus.REFUSED, note=reason)


def _company_decide(
    *, company: Company, by: User, status: VerificationStatus, note: str
) -> Company:
    company = Company.objects.select_for_update().get(pk=company.pk)
    company.verification_status = status
    company.verification_note = note.strip()
    company.verified_by = by
    company.verified_at = timezone.now()
    company.save(
        update_fields=["verification_status", "verification_note", "verified_by", "verified_at"]
    )
    for member in company.members.select_related("user"):
        mail_send_later(
            to=member.user.email,
            template="employers/email/verification_decided",
            context={
                "full_name": member.user.full_name,
                "company": company.legal_name,
                "is_verified": status == VerificationStatus.VERIFIED,
                "note": company.verification_note,
            },
            language=member.user.language,
        )
    return company


@transaction.atomic
def company_invitation_send(*, company: Company, email: str, by: User) -> CompanyInvitation:
    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            _("This person already has a Maillage account."), code="existing_account"
        )
    invitation, _created = CompanyInvitation.objects.get_or_create(
        company=company, email=email, accepted_at=None, defaults={"invited_by": by}
    )
    with translation.override(by.language):
        path = reverse("employers:invitation-accept", args=[invitation.token])
    mail_send_later(
        to=email,
        template="employers/email/invitation",
        context={"company": company.legal_name, "invited_by": by.full_name, "accept_path": path},
        language=by.language,
    )
    return invitation


@transaction.atomic
def company_invitation_accept(
    *, invitation: CompanyInvitation, full_name: str, password: str, language: str
) -> CompanyMember:
    invitation = CompanyInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation was already used."), code="used")
    user = User.objects.create_user(
        email=invitation.email,
        password=password,
        full_name=full_name,
        role=Role.EMPLOYER,
        language=language,
        # The invitation reached this address: it is confirmed.
        email_confirmed_at=timezone.now(),
    )
    privacy_consent_give(user=user)
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return CompanyMember.objects.create(
        company=invitation.company, user=user, role=CompanyMember.MemberRole.MEMBER
    )


def _skills_replace(
    posting: JobPosting, required: list[str], nice: list[str], uris: dict[str, str] | None
) -> None:
    """Replace the posting's skills; `uris` links some labels to their ESCO skill, and the other
    labels are linked when an ESCO skill fits (the employer's words are kept)."""
    uris = uris or {}
    uris = {**skill_links(label for label in [*required, *nice] if label not in uris), **uris}
    posting.skills.all().delete()
    PostingSkill.objects.bulk_create(
        [
            PostingSkill(
                posting=posting, label=label, esco_uri=uris.get(label, ""), is_required=True
            )
            for label in required
        ]
        + [
            PostingSkill(
                posting=posting, label=label, esco_uri=uris.get(label, ""), is_required=False
            )
            for label in nice
        ]
    )


@transaction.atomic
def posting_create(
    *,
    company: Company,
    by: User,
    fields: dict[str, Any],
    required_skills: list[str],
    nice_skills: list[str],
    skill_uris: dict[str, str] | None = None,
) -> JobPosting:
    if not company.is_verified:
        raise PermissionDenied("Only a verified company can create postings")
    posting = JobPosting(company=company, created_by=by, status=PostingStatus.DRAFT, **fields)
    posting.full_clean()
    posting.save()
    _skills_replace(posting, required_skills, nice_skills, skill_uris)
    return posting


@transaction.atomic
def posting_update(
    *,
    posting: JobPosting,
    fields: dict[str, Any],
    required_skills: list[str],
    nice_skills: list[str],
    skill_uris: dict[str, str] | None = None,
) -> JobPosting:
    posting = JobPosting.objects.select_for_update().get(pk=posting.pk)
    if posting.status not in {PostingStatus.DRAFT, PostingStatus.PUBLISHED}:
        raise PostingTransitionError(
            _("A filled, closed or expired posting can no longer be edited.")
        )
    for name, value in fields.items():
        setattr(posting, name, value)
    posting.full_clean()
    posting.save()
    _skills_replace(posting, required_skills, nice_skills, skill_uris)
    posting_rematch_later(posting.pk)
    return posting


def _transition(posting: JobPosting, target: PostingStatus) -> JobPosting:
    posting = JobPosting.objects.select_for_update().select_related("company").get(pk=posting.pk)
    if target not in POSTING_TRANSITIONS[posting.status]:
        raise PostingTransitionError(
            _("A posting cannot go from “%(current)s” to “%(target)s”.")
            % {"current": posting.get_status_display(), "target": target.label},
            code="transition",
        )
    posting.status = target
    return posting


@transaction.atomic
def posting_publish(*, posting: JobPosting, today: date) -> JobPosting:
    posting = _transition(posting, PostingStatus.PUBLISHED)
    if not posting.company.is_verified:
        raise PostingTransitionError(
            _("Your company must be verified before you publish."), code="unverified"
        )
    posting.published_at = timezone.now()
    if posting.expires_on is None or posting.expires_on < today:
        posting.expires_on = today + timedelta(days=DEFAULT_PUBLICATION_DAYS)
    posting.save(update_fields=["status", "published_at", "expires_on", "updated_at"])
    posting_rematch_later(posting.pk)
    return posting


@transaction.atomic
def posting_close(*, posting: JobPosting, filled: bool) -> JobPosting:
    posting = _transition(posting, PostingStatus.FILLED if filled else PostingStatus.CLOSED)
    posting.closed_at = timezone.now()
    posting.save(update_fields=["status", "closed_at", "updated_at"])
    return posting


@transaction.atomic
def postings_expire_due(*, today: date) -> int:
    """Expire the published postings whose publication period ended before today."""
    due = JobPosting.objects.select_for_update().filter(
        status=PostingStatus.PUBLISHED, expires_on__lt=today
    )
    count = 0
    for posting in due:
        posting.status = PostingStatus.EXPIRED
        posting.closed_at = timezone.now()
        posting.save(update_fields=["status", "closed_at", "updated_at"])
        count += 1
    return count
