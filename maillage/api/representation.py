"""Models turned into the API's plain shapes (dicts matching maillage.api.schemas)."""

from django.conf import settings
from django.urls import reverse

from maillage.candidates.models import CandidateProfile, Relocation
from maillage.employers.models import JobPosting
from maillage.matching.models import MatchResult
from maillage.regions.models import Municipality, Region
from maillage.taxonomy.models import NocGroup

# The yes/no of the API's first clients: moving only with help is a yes, under a condition.
READY_TO_RELOCATE = {
    Relocation.YES: True,
    Relocation.WITH_AID: True,
    Relocation.NO: False,
    "": None,
}


def region_out(region: Region) -> dict:
    return {"code": region.code, "name": region.name}


def municipality_out(municipality: Municipality | None) -> dict | None:
    if municipality is None:
        return None
    return {
        "code": municipality.code,
        "name": municipality.name,
        "region": region_out(municipality.region),
    }


def noc_out(noc: NocGroup) -> dict:
    return {"code": noc.code, "title": noc.title}


def posting_out(posting: JobPosting) -> dict:
    """Needs company, noc, municipality__region selected and skills prefetched."""
    skills = list(posting.skills.all())
    path = reverse("employers:posting-detail", kwargs={"public_id": posting.public_id})
    return {
        "id": posting.public_id,
        "url": settings.SITE_URL + path,
        "title": posting.title,
        "company": {
            "id": posting.company.public_id,
            "name": posting.company.legal_name,
            "website": posting.company.website,
        },
        "noc": noc_out(posting.noc),
        "municipality": municipality_out(posting.municipality),
        "description": posting.description,
        "employment_type": posting.employment_type,
        "schedule_details": posting.schedule_details,
        "salary_min": posting.salary_min,
        "salary_max": posting.salary_max,
        "salary_period": posting.salary_period,
        "positions": posting.positions,
        "start_date": posting.start_date,
        "published_at": posting.published_at,
        "expires_on": posting.expires_on,
        "min_education": posting.min_education,
        "min_years_experience": posting.min_years_experience,
        "must_haves": [s.label for s in skills if s.is_must_have],
        "shows_missing_must_haves": posting.shows_missing_must_haves,
        "required_skills": [s.label for s in skills if s.is_required and not s.is_must_have],
        "nice_to_have_skills": [s.label for s in skills if not s.is_required],
        "offers_housing": posting.offers_housing,
        "offers_relocation_allowance": posting.offers_relocation_allowance,
        "offers_francization": posting.offers_francization,
        "offers_spouse_job_help": posting.offers_spouse_job_help,
        "accepts_employer_specific_permit": posting.accepts_employer_specific_permit,
    }


def employer_posting_out(posting: JobPosting) -> dict:
    return {
        **posting_out(posting),
        "status": posting.status,
        "created_at": posting.created_at,
        "updated_at": posting.updated_at,
        "closed_at": posting.closed_at,
        "min_french_oral_comprehension": posting.min_french_oral_comprehension,
        "min_french_oral_production": posting.min_french_oral_production,
        "min_french_written_comprehension": posting.min_french_written_comprehension,
        "min_french_written_production": posting.min_french_written_production,
        "min_english": posting.min_english,
    }


def candidate_profile_out(profile: CandidateProfile) -> dict:
    return {
        "id": profile.public_id,
        "full_name": profile.user.full_name,
        "email": profile.user.email,
        "phone": profile.phone,
        "current_country": str(profile.current_country),
        "municipality": municipality_out(profile.municipality),
        "admission_date": profile.admission_date,
        "immigration_status": profile.immigration_status,
        "permit_expires_on": profile.permit_expires_on,
        "french": profile.french_levels(),
        "english": profile.english_levels(),
        "summary": profile.summary,
        "desired_occupations": [noc_out(noc) for noc in profile.desired_occupations.all()],
        "regions_of_interest": [region_out(region) for region in profile.regions_of_interest.all()],
        "is_open_to_all_regions": profile.is_open_to_all_regions,
        "has_drivers_licence": profile.has_drivers_licence,
        "has_car": profile.has_car,
        "is_ready_to_relocate": READY_TO_RELOCATE[profile.relocation],
        "relocation": profile.relocation or None,
        "available_from": profile.available_from,
        "verification_status": profile.verification_status,
    }


def match_out(result: MatchResult) -> dict:
    return {
        "posting": posting_out(result.posting),
        "score": result.score,
        "stars": result.stars,
        "breakdown": result.breakdown,
        "reasons": result.reasons,
        "engine_version": result.engine_version,
        "computed_at": result.computed_at,
    }
