"""Every change to companies and postings goes through these functions. A posting's status moves
only along POSTING_TRANSITIONS."""

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from maillage.accounts.models import Role, User
from maillage.accounts.services import (
    account_exists_notice_send,
    privacy_consent_give,
    user_create,
)
from maillage.core.choices import VerificationStatus
from maillage.core.mail import mail_send_later
from maillage.core.verification import verification_record, verification_reopen
from maillage.employers.models import (
    Company,
    CompanyInvitation,
    CompanyMember,
    JobPosting,
    PostingSkill,
    PostingStatus,
)
from maillage.employers.signals import posting_changed
from maillage.taxonomy.selectors import permits_for_noc, skill_links

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
) -> CompanyMember | None:
    """Create the person's account and the company they administer, unverified, in one go;
    None if the address already has an account (its owner is e-mailed, see `user_create`)."""
    user = user_create(
        email=email, password=password, full_name=full_name, role=Role.EMPLOYER, language=language
    )
    if user is None:
        return None
    privacy_consent_give(user=user)
    municipality = company_fields["municipality"]
    company = Company(**company_fields, region=municipality.region)
    company.full_clean()
    company.save()
    return CompanyMember.objects.create(
        company=company, user=user, role=CompanyMember.MemberRole.OWNER
    )


IDENTITY_FIELDS = ("neq", "legal_name")


def _identity_changed(company: Company, changes: dict[str, Any]) -> bool:
    return any(
        getattr(company, name) != changes[name] for name in IDENTITY_FIELDS if name in changes
    )


def company_identity_change_notice(*, company: Company, changes: dict[str, Any]) -> str:
    """What an employer must read before changing a verified company's NEQ or legal name (it
    sends the company back to verification), or "" when the change asks for no confirmation.
    Compares with the stored company (a bound form has already written the changes on its copy)."""
    company = Company.objects.get(pk=company.pk)
    if not company.is_verified or not _identity_changed(company, changes):
        return ""
    published = company.postings.filter(status=PostingStatus.PUBLISHED).count()
    what_follows = _(
        "Changing the NEQ or the legal name sends the company back to verification: an advisor "
        "checks it again before you can create or publish postings."
    )
    postings = ngettext(
        "Your %(count)s published posting stays online meanwhile.",
        "Your %(count)s published postings stay online meanwhile.",
        published,
    ) % {"count": published}
    return f"{what_follows} {postings}" if published else what_follows


@transaction.atomic
def company_update(
    *, company: Company, changes: dict[str, Any], confirm_identity_change: bool = False
) -> Company:
    """Edit the company. Changing a verified company's NEQ or legal name sends it back to
    verification, and only once the employer confirmed (`confirm_identity_change`) after reading
    `company_identity_change_notice`."""
    company = Company.objects.select_for_update().get(pk=company.pk)
    if company_identity_change_notice(company=company, changes=changes) and (
        not confirm_identity_change
    ):
        raise ValidationError(
            _(
                "Confirm the change of NEQ or legal name: it sends the company back to verification."
            ),
            code="identity_change_unconfirmed",
        )
    identity_changed = _identity_changed(company, changes)
    for name, value in changes.items():
        setattr(company, name, value)
    if "municipality" in changes:
        company.region = changes["municipality"].region
    if identity_changed:
        verification_reopen(company)
    company.full_clean()
    company.save()
    return company


@transaction.atomic
def company_verify(*, company: Company, by: User, note: str = "") -> Company:
    return _company_decide(company=company, by=by, status=VerificationStatus.VERIFIED, note=note)


@transaction.atomic
def company_refuse(*, company: Company, by: User, reason: str) -> Company:
    return _company_decide(company=company, by=by, status=VerificationStatus.REFUSED, note=reason)


def _company_decide(
    *, company: Company, by: User, status: VerificationStatus, note: str
) -> Company:
    company = verification_record(subject=company, by=by, status=status, note=note)
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
    """Invite `email` to the company. The inviter sees the same whether or not the address has
    an account (nobody learns who has one); an existing account's owner is told by e-mail that
    an account belongs to one company, instead of getting a link that cannot work."""
    email = email.strip().lower()
    invitation, _created = CompanyInvitation.objects.get_or_create(
        company=company, email=email, accepted_at=None, defaults={"invited_by": by}
    )
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        account_exists_notice_send(
            user=existing,
            reason=gettext_lazy(
                "%(company)s invited you to join its team on Maillage, but your address already "
                "has an account, and an account belongs to one company only. To join them, ask "
                "them to invite another of your addresses."
            ),
            params={"company": company.legal_name},
        )
        return invitation
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
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError(
            _(
                "This address already has a Maillage account, and an account belongs to one "
                "company only. Ask for an invitation to another address."
            ),
            code="existing_account",
        )
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
    posting: JobPosting,
    required: list[str],
    nice: list[str],
    uris: dict[str, str] | None,
    must_haves: Sequence[str] = (),
) -> None:
    """Replace the posting's skills; `uris` links some labels to their ESCO skill, and the other
    labels are linked when an ESCO skill fits (the employer's words are kept). A must-have is
    required too (it also counts in the score)."""
    uris = uris or {}
    typed = [*must_haves, *required, *nice]
    uris = {**skill_links(label for label in typed if label not in uris), **uris}
    posting.skills.all().delete()
    must = {label.lower() for label in must_haves}
    PostingSkill.objects.bulk_create(
        [
            PostingSkill(
                posting=posting,
                label=label,
                esco_uri=uris.get(label, ""),
                is_required=True,
                is_must_have=True,
            )
            for label in must_haves
        ]
        + [
            PostingSkill(
                posting=posting, label=label, esco_uri=uris.get(label, ""), is_required=True
            )
            for label in required
            if label.lower() not in must
        ]
        + [
            PostingSkill(
                posting=posting, label=label, esco_uri=uris.get(label, ""), is_required=False
            )
            for label in nice
            if label.lower() not in must
        ]
    )


def _required_permits_check(posting: JobPosting) -> None:
    """A posting requires only permits of its own NOC unit group (each once)."""
    codes = list(posting.required_permits or [])
    allowed = {permit.permit_code for permit in permits_for_noc(posting.noc_id)}
    if len(set(codes)) != len(codes) or not set(codes) <= allowed:
        raise ValidationError(
            {"required_permits": _("Choose permits of the posting's occupation from the list.")},
            code="permit_not_of_occupation",
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
    must_haves: Sequence[str] = (),
) -> JobPosting:
    if not company.is_verified:
        raise PermissionDenied("Only a verified company can create postings")
    posting = JobPosting(company=company, created_by=by, status=PostingStatus.DRAFT, **fields)
    posting.full_clean()
    _required_permits_check(posting)
    posting.save()
    _skills_replace(posting, required_skills, nice_skills, skill_uris, must_haves)
    return posting


@transaction.atomic
def posting_update(
    *,
    posting: JobPosting,
    fields: dict[str, Any],
    required_skills: list[str],
    nice_skills: list[str],
    skill_uris: dict[str, str] | None = None,
    must_haves: Sequence[str] = (),
) -> JobPosting:
    posting = JobPosting.objects.select_for_update().get(pk=posting.pk)
    if posting.status not in {PostingStatus.DRAFT, PostingStatus.PUBLISHED}:
        raise PostingTransitionError(
            _("A filled, closed or expired posting can no longer be edited.")
        )
    for name, value in fields.items():
        setattr(posting, name, value)
    posting.full_clean()
    _required_permits_check(posting)
    posting.save()
    _skills_replace(posting, required_skills, nice_skills, skill_uris, must_haves)
    posting_changed.send(sender=JobPosting, posting_id=posting.pk)
    return posting


def _transition(posting: JobPosting, target: PostingStatus) -> JobPosting:
    posting = (
        JobPosting.objects.select_for_update()
        .select_related("company", "municipality__region")
        .get(pk=posting.pk)
    )
    if target not in POSTING_TRANSITIONS[posting.status]:
        raise PostingTransitionError(
            _("A posting cannot go from “%(current)s” to “%(target)s”.")
            % {"current": posting.get_status_display(), "target": target.label},
            code="transition",
        )
    posting.status = target
    return posting


def posting_region_warning(posting: JobPosting) -> str:
    """What to tell an employer about to publish where the program does not serve (Montréal,
    Laval), or "" when the posting's region is served."""
    region = posting.municipality.region
    if region.is_served:
        return ""
    return _(
        "%(region)s is not among the regions the program serves: its candidates are looking for "
        "work in the regions, so this posting will reach few of them."
    ) % {"region": region.name}


@transaction.atomic
def posting_publish(
    *, posting: JobPosting, today: date, confirm_unserved_region: bool = False
) -> JobPosting:
    """Publish a draft. In a region the program does not serve, only once the employer has read
    the warning and confirmed (`confirm_unserved_region`)."""
    posting = _transition(posting, PostingStatus.PUBLISHED)
    if not posting.company.is_verified:
        raise PostingTransitionError(
            _("Your company must be verified before you publish."), code="unverified"
        )
    warning = posting_region_warning(posting)
    if warning and not confirm_unserved_region:
        raise PostingTransitionError(warning, code="region_not_served")
    posting.published_at = timezone.now()
    if posting.expires_on is None or posting.expires_on < today:
        posting.expires_on = today + timedelta(days=DEFAULT_PUBLICATION_DAYS)
    posting.save(update_fields=["status", "published_at", "expires_on", "updated_at"])
    posting_changed.send(sender=JobPosting, posting_id=posting.pk)
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
