"""Every change to a candidate's records goes through these functions (atomic, validated)."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from maillage.accounts.models import Role, User
from maillage.accounts.services import privacy_consent_give, user_create
from maillage.candidates.models import (
    CandidateProfile,
    CandidateSkill,
    Education,
    PermitStatus,
    ProofDocument,
    WorkExperience,
)
from maillage.candidates.signals import profile_changed
from maillage.core.choices import VerificationStatus
from maillage.core.mail import mail_send_later
from maillage.core.uploads import CheckedUpload
from maillage.core.verification import verification_record, verification_reopen
from maillage.taxonomy.models import NocGroup, RegulatedOccupation
from maillage.taxonomy.selectors import skill_link
from matchcore.eligibility import PERMANENT_STATUSES

# Changing one of these after an advisor's check sends the profile back to verification.
ELIGIBILITY_FIELDS = frozenset({"admission_date", "immigration_status", "permit_expires_on"})


@transaction.atomic
def candidate_signup(*, email: str, password: str, full_name: str, language: str) -> User | None:
    """Create the account, the empty profile and the consent to the privacy notice together;
    None if the address already has an account (its owner is e-mailed, see `user_create`)."""
    user = user_create(
        email=email, password=password, full_name=full_name, role=Role.CANDIDATE, language=language
    )
    if user is None:
        return None
    privacy_consent_give(user=user)
    CandidateProfile.objects.create(user=user)
    return user


@transaction.atomic
def candidate_profile_update(
    *, profile: CandidateProfile, changes: dict[str, Any]
) -> CandidateProfile:
    """Apply a section of the profile. Many-to-many fields (regions) are set after the save."""
    profile = CandidateProfile.objects.select_for_update().get(pk=profile.pk)
    full_name = changes.pop("full_name", None)
    if full_name is not None and full_name != profile.user.full_name:
        profile.user.full_name = full_name
        profile.user.save(update_fields=["full_name"])
    many = {name: changes.pop(name) for name in ["regions_of_interest"] if name in changes}
    if ELIGIBILITY_FIELDS & changes.keys() and (
        changes.get("immigration_status", profile.immigration_status) in PERMANENT_STATUSES
    ):
        changes["permit_expires_on"] = None  # a permanent status has no expiry, whoever sends one
    changed_eligibility = any(
        getattr(profile, name) != value
        for name, value in changes.items()
        if name in ELIGIBILITY_FIELDS
    )
    for name, value in changes.items():
        setattr(profile, name, value)
    if changed_eligibility:
        verification_reopen(profile)
    profile.full_clean()
    profile.save()
    for name, value in many.items():
        getattr(profile, name).set(value)
    profile_changed.send(sender=CandidateProfile, candidate_id=profile.pk)
    return profile


@transaction.atomic
def candidate_occupation_add(*, profile: CandidateProfile, noc: NocGroup) -> None:
    profile.desired_occupations.add(noc)
    profile_changed.send(sender=CandidateProfile, candidate_id=profile.pk)


@transaction.atomic
def candidate_occupation_remove(*, profile: CandidateProfile, noc: NocGroup) -> None:
    profile.desired_occupations.remove(noc)
    profile_changed.send(sender=CandidateProfile, candidate_id=profile.pk)


@transaction.atomic
def candidate_skill_add(
    *,
    profile: CandidateProfile,
    label: str,
    esco_uri: str = "",
    source: str = CandidateSkill.Source.DECLARED,
) -> CandidateSkill:
    """Add a skill; one typed without an ESCO link is linked when an ESCO skill fits (the
    person's words are kept and shown)."""
    label = label.strip()
    skill, _created = CandidateSkill.objects.get_or_create(
        candidate=profile,
        label=label,
        defaults={"esco_uri": esco_uri or skill_link(label), "source": source},
    )
    profile_changed.send(sender=CandidateProfile, candidate_id=profile.pk)
    return skill


@transaction.atomic
def candidate_permits_update(
    *, profile: CandidateProfile, statuses: dict[str, str]
) -> CandidateProfile:
    """Record where the candidate stands with permits of regulated occupations: permit code →
    PermitStatus, "" to forget one. Unknown codes or statuses change nothing."""
    known = set(
        RegulatedOccupation.objects.filter(permit_code__in=list(statuses)).values_list(
            "permit_code", flat=True
        )
    )
    if set(statuses) - known or set(statuses.values()) - {"", *PermitStatus.values}:
        raise ValidationError(_("Choose a permit and a status from the list."), code="permit")
    profile = CandidateProfile.objects.select_for_update().get(pk=profile.pk)
    permits = dict(profile.permits)
    for code, status in statuses.items():
        if status:
            permits[code] = status
        else:
            permits.pop(code, None)
    profile.permits = dict(sorted(permits.items()))
    profile.save(update_fields=["permits", "updated_at"])
    profile_changed.send(sender=CandidateProfile, candidate_id=profile.pk)
    return profile


@transaction.atomic
def candidate_skill_remove(*, skill: CandidateSkill) -> None:
    skill.delete()
    profile_changed.send(sender=CandidateProfile, candidate_id=skill.candidate_id)


@transaction.atomic
def experience_save(*, experience: WorkExperience) -> WorkExperience:
    experience.full_clean()
    experience.save()
    profile_changed.send(sender=CandidateProfile, candidate_id=experience.candidate_id)
    return experience


@transaction.atomic
def experience_delete(*, experience: WorkExperience) -> None:
    experience.delete()
    profile_changed.send(sender=CandidateProfile, candidate_id=experience.candidate_id)


@transaction.atomic
def education_save(*, education: Education) -> Education:
    education.full_clean()
    education.save()
    profile_changed.send(sender=CandidateProfile, candidate_id=education.candidate_id)
    return education


@transaction.atomic
def education_delete(*, education: Education) -> None:
    education.delete()
    profile_changed.send(sender=CandidateProfile, candidate_id=education.candidate_id)


@transaction.atomic
def proof_document_upload(
    *, profile: CandidateProfile, kind: str, upload, checked: CheckedUpload
) -> ProofDocument:
    """Store a proof and put the profile in the advisors' queue (unless already verified)."""
    document = ProofDocument(
        candidate=profile,
        kind=kind,
        file=upload,
        original_name=checked.original_name,
        content_type=checked.content_type,
        size_bytes=checked.size_bytes,
    )
    document.full_clean()
    document.save()
    try:
        if profile.verification_status != VerificationStatus.VERIFIED:
            CandidateProfile.objects.filter(pk=profile.pk).update(
                verification_status=VerificationStatus.PENDING
            )
            profile.verification_status = VerificationStatus.PENDING
    except Exception:
        # Nothing half saved: the row rolls back with the transaction, the file goes with it.
        document.file.delete(save=False)
        raise
    return document


@transaction.atomic
def candidate_verify(*, profile: CandidateProfile, by: User, note: str = "") -> CandidateProfile:
    return _candidate_decide(profile=profile, by=by, status=VerificationStatus.VERIFIED, note=note)


@transaction.atomic
def candidate_refuse(*, profile: CandidateProfile, by: User, reason: str) -> CandidateProfile:
    return _candidate_decide(profile=profile, by=by, status=VerificationStatus.REFUSED, note=reason)


def _candidate_decide(
    *, profile: CandidateProfile, by: User, status: VerificationStatus, note: str
) -> CandidateProfile:
    profile = verification_record(subject=profile, by=by, status=status, note=note)
    profile_changed.send(sender=CandidateProfile, candidate_id=profile.pk)
    mail_send_later(
        to=profile.user.email,
        template="candidates/email/verification_decided",
        context={
            "full_name": profile.user.full_name,
            "is_verified": status == VerificationStatus.VERIFIED,
            "note": profile.verification_note,
        },
        language=profile.user.language,
    )
    return profile


@transaction.atomic
def candidate_skills_confirm(
    *, profile: CandidateProfile, skills: dict[str, str], source: str
) -> list[CandidateSkill]:
    """Add the ESCO skills the candidate ticked (label → URI); a label already there is kept."""
    return [
        candidate_skill_add(profile=profile, label=label[:200], esco_uri=uri, source=source)
        for label, uri in skills.items()
    ]


@dataclass(frozen=True)
class CvImportResult:
    experiences: int
    educations: int
    skills: int
    summary_replaced: bool


@transaction.atomic
def cv_import_apply(
    *,
    profile: CandidateProfile,
    experiences: list[WorkExperience],
    educations: list[Education],
    skills: dict[str, str],
    summary: str | None,
    language_levels: dict[str, int] | None = None,
) -> CvImportResult:
    """Save what the candidate kept from their CV, all or nothing. `summary` replaces "About you"
    when given (the candidate ticked it); None leaves it alone. `language_levels` ("french" or
    "english" → Échelle québécoise level the candidate accepted) sets that language's four
    skills."""
    for experience in experiences:
        experience.candidate = profile
        experience_save(experience=experience)
    for education in educations:
        education.candidate = profile
        education_save(education=education)
    added = candidate_skills_confirm(
        profile=profile, skills=skills, source=CandidateSkill.Source.CV
    )
    changes = {
        f"{language}_{skill}": level
        for language, level in (language_levels or {}).items()
        for skill in profile.french_levels()
    }
    if summary is not None:
        changes["summary"] = summary.strip()
    if changes:
        candidate_profile_update(profile=profile, changes=changes)
    return CvImportResult(len(experiences), len(educations), len(added), summary is not None)
