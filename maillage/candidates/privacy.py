"""What the candidates app holds about a person (see maillage.privacy.registry)."""

from datetime import datetime, timedelta

from django.conf import settings

from maillage.accounts.models import User
from maillage.candidates.models import CandidateProfile, ProofDocument
from maillage.core.choices import VerificationStatus

SECTION = "candidate_profile"


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def export(user: User) -> dict | None:
    profile = (
        CandidateProfile.objects.filter(user=user)
        .select_related("municipality")
        .prefetch_related(
            "experiences__noc",
            "educations",
            "skills",
            "desired_occupations",
            "regions_of_interest",
            "proof_documents",
        )
        .first()
    )
    if profile is None:
        return None
    return {
        "id": str(profile.public_id),
        "phone": profile.phone,
        "current_country": str(profile.current_country),
        "municipality": profile.municipality.name if profile.municipality else None,
        "admission_date": _iso(profile.admission_date),
        "immigration_status": profile.immigration_status,
        "permit_expires_on": _iso(profile.permit_expires_on),
        "french": profile.french_levels(),
        "english": profile.english_levels(),
        "summary": profile.summary,
        "desired_occupations": [noc.code for noc in profile.desired_occupations.all()],
        "regions_of_interest": [region.code for region in profile.regions_of_interest.all()],
        "is_open_to_all_regions": profile.is_open_to_all_regions,
        "has_drivers_licence": profile.has_drivers_licence,
        "has_car": profile.has_car,
        "relocation": profile.relocation,
        "permits": dict(profile.permits),
        "available_from": _iso(profile.available_from),
        "salary_expectation": str(profile.salary_expectation)
        if profile.salary_expectation is not None
        else None,
        "salary_period": profile.salary_period,
        "verification_status": profile.verification_status,
        "verification_note": profile.verification_note,
        "verified_at": _iso(profile.verified_at),
        "created_at": _iso(profile.created_at),
        "updated_at": _iso(profile.updated_at),
        "experiences": [
            {
                "title": e.title,
                "employer_name": e.employer_name,
                "country": str(e.country),
                "start_date": _iso(e.start_date),
                "end_date": _iso(e.end_date),
                "description": e.description,
                "noc": e.noc_id,
            }
            for e in profile.experiences.all()
        ],
        "educations": [
            {
                "level": e.level,
                "field": e.field,
                "country": str(e.country),
                "year_completed": e.year_completed,
                "has_quebec_evaluation": e.has_quebec_evaluation,
                "evaluation_number": e.evaluation_number,
                "evaluated_level": e.evaluated_level,
            }
            for e in profile.educations.all()
        ],
        "skills": [
            {"label": s.label, "esco_uri": s.esco_uri, "source": s.source}
            for s in profile.skills.all()
        ],
        # The files themselves are downloaded from the profile page; here, what we hold.
        "proof_documents": [
            {
                "kind": d.kind,
                "file_name": d.original_name,
                "content_type": d.content_type,
                "size_bytes": d.size_bytes,
                "uploaded_at": _iso(d.uploaded_at),
            }
            for d in profile.proof_documents.all()
        ],
    }


def _delete_documents(documents) -> int:
    count = 0
    for document in documents:
        document.file.delete(save=False)
        document.delete()
        count += 1
    return count


def erase(user: User) -> None:
    """Free text, identifiers, dates, documents and history go; what the figures count stays:
    the profile row, its status categories, its desired occupations and regions of interest."""
    profile = CandidateProfile.objects.filter(user=user).first()
    if profile is None:
        return
    _delete_documents(profile.proof_documents.all())
    profile.experiences.all().delete()
    profile.educations.all().delete()
    profile.skills.all().delete()
    CandidateProfile.objects.filter(pk=profile.pk).update(
        phone="",
        current_country="",
        municipality=None,
        admission_date=None,
        permit_expires_on=None,
        permits={},
        summary="",
        available_from=None,
        salary_expectation=None,
        verification_note="",
        french_oral_comprehension=None,
        french_oral_production=None,
        french_written_comprehension=None,
        french_written_production=None,
        english_oral_comprehension=None,
        english_oral_production=None,
        english_written_comprehension=None,
        english_written_production=None,
    )


def purge(*, now: datetime, dry_run: bool) -> dict[str, int]:
    """Proofs are needed to verify eligibility, not afterwards: they go a while after the decision."""
    cutoff = now - timedelta(days=settings.RETENTION_DAYS["proof_document_after_decision"])
    documents = ProofDocument.objects.filter(
        candidate__verification_status__in=[
            VerificationStatus.VERIFIED,
            VerificationStatus.REFUSED,
        ],
        candidate__verified_at__lt=cutoff,
        uploaded_at__lt=cutoff,
    )
    if dry_run:
        return {"proof_documents": documents.count()}
    return {"proof_documents": _delete_documents(documents.iterator())}
