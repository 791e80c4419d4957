"""Models → engine records: the only place that knows both.

What is copied is what a job asks for and what the candidate wants. What is left out on purpose:
the person's name, e-mail, phone, country of residence, the countries of their experiences and
studies, and every other protected ground: the engine cannot read what it is never given.
"""

import logging
from datetime import date
from decimal import Decimal
from functools import lru_cache

import numpy as np

from maillage.candidates.models import CandidateProfile, Relocation
from maillage.core.choices import SalaryPeriod, VerificationStatus
from maillage.employers.models import JobPosting
from maillage.taxonomy.models import EscoSkill, NocGroup, NocLevel
from matchcore.engine import (
    CandidateRecord,
    Experience,
    LanguageLevels,
    PermitHolding,
    PermitStatus,
    Place,
    PostingRecord,
    Skill,
    Taxonomy,
)

logger = logging.getLogger(__name__)

HOURS_PER_YEAR = 2080  # 52 weeks × 40 hours


def hourly(amount: Decimal | None, period: str) -> float | None:
    if amount is None:
        return None
    value = float(amount)
    return value / HOURS_PER_YEAR if period == SalaryPeriod.YEAR else value


def _months(start: date, end: date | None, today: date) -> int:
    end = min(end or today, today)
    return max(0, (end.year - start.year) * 12 + end.month - start.month)


def _place(municipality) -> Place:
    if municipality is None:
        return Place()
    return Place(municipality.region.code, municipality.latitude, municipality.longitude)


def candidate_text(profile: CandidateProfile) -> str:
    """What the candidate wrote about their work, for the text embedding."""
    parts = [profile.summary]
    for experience in profile.experiences.all():
        parts += [experience.title, experience.description]
    parts += [education.field for education in profile.educations.all()]
    parts += [skill.label for skill in profile.skills.all()]
    return "\n".join(part.strip() for part in parts if part and part.strip())


def posting_text(posting: JobPosting) -> str:
    parts = [posting.title, posting.description, *(s.label for s in posting.skills.all())]
    return "\n".join(part.strip() for part in parts if part and part.strip())


def candidate_record(
    profile: CandidateProfile, *, today: date, vector: np.ndarray | None
) -> CandidateRecord:
    """Needs the profile with municipality__region, experiences, educations, skills,
    desired_occupations and regions_of_interest loaded (see selectors.candidates_for_engine)."""
    educations = [education.counted_level for education in profile.educations.all()]
    return CandidateRecord(
        id=profile.pk,
        admission_date=profile.admission_date,
        immigration_status=profile.immigration_status or None,
        permit_expires_on=profile.permit_expires_on,
        is_verified=profile.verification_status == VerificationStatus.VERIFIED,
        is_refused=profile.verification_status == VerificationStatus.REFUSED,
        desired_occupations=tuple(sorted(noc.code for noc in profile.desired_occupations.all())),
        experiences=tuple(
            Experience(_months(e.start_date, e.end_date, today), e.noc_id)
            for e in profile.experiences.all()
        ),
        education_level=max(educations) if educations else None,
        skills=tuple(Skill(s.label, s.esco_uri) for s in profile.skills.all()),
        french=LanguageLevels(**profile.french_levels()),
        english=LanguageLevels(**profile.english_levels()),
        home=_place(profile.municipality),
        region_codes=frozenset(region.code for region in profile.regions_of_interest.all()),
        is_open_to_all_regions=profile.is_open_to_all_regions,
        # Not said is not a yes: only her regions of interest count then.
        is_ready_to_relocate=profile.relocation == Relocation.YES,
        relocates_only_with_aid=profile.relocation == Relocation.WITH_AID,
        available_from=profile.available_from,
        hourly_salary_expectation=hourly(profile.salary_expectation, profile.salary_period),
        permits=tuple(
            PermitHolding(code, PermitStatus(status))
            for code, status in sorted(profile.permits.items())
            if status in PermitStatus.__members__.values()
        ),
        vector=vector,
    )


def posting_record(posting: JobPosting, *, vector: np.ndarray | None) -> PostingRecord:
    """Needs the posting with municipality__region and skills loaded."""
    skills = list(posting.skills.all())
    return PostingRecord(
        id=posting.pk,
        noc=posting.noc_id,
        min_education=posting.min_education,
        min_years_experience=posting.min_years_experience,
        min_french=LanguageLevels(**posting.min_french_levels()),
        min_english=posting.min_english,
        required_skills=tuple(Skill(s.label, s.esco_uri) for s in skills if s.is_required),
        nice_skills=tuple(Skill(s.label, s.esco_uri) for s in skills if not s.is_required),
        must_haves=tuple(Skill(s.label, s.esco_uri) for s in skills if s.is_must_have),
        must_haves_cap=posting.shows_missing_must_haves,
        required_permits=tuple(posting.required_permits),
        place=_place(posting.municipality),
        hourly_salary_min=hourly(posting.salary_min, posting.salary_period),
        hourly_salary_max=hourly(posting.salary_max, posting.salary_period),
        start_date=posting.start_date,
        accepts_employer_specific_permit=posting.accepts_employer_specific_permit,
        offers_relocation_allowance=posting.offers_relocation_allowance,
        vector=vector,
    )


def stored_vector(stored) -> np.ndarray | None:
    """The float32 vector of a CandidateVector or PostingVector (None when the text was empty)."""
    if stored is None or not bytes(stored.vector):
        return None
    return np.frombuffer(bytes(stored.vector), dtype="<f4").copy()


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """What the engine knows of the classifications (loaded once per process): the NOC unit
    groups and the ESCO skills of the database, and the unit groups related through their ESCO
    skills (the language tools' skill graph, built from the NOC↔ESCO crosswalk links)."""
    codes = frozenset(
        NocGroup.objects.filter(level=NocLevel.UNIT_GROUP).values_list("code", flat=True)
    )
    uris = frozenset(EscoSkill.objects.values_list("uri", flat=True))
    return Taxonomy(
        noc_codes=codes,
        related_nocs=_related_nocs(sorted(codes)),
        esco_skill_uris=uris or None,
    )


def _related_nocs(codes: list[str], *, top: int = 25, threshold: float = 0.2) -> dict:
    """Unit groups whose 25 heaviest ESCO skills overlap (Jaccard ≥ 0.2)."""
    from maillage.taxonomy.language import language_tools

    try:
        graph = language_tools().graph
        tops = {code: {s.uri for s in graph.noc_skills(code)[:top]} for code in codes}
    except Exception:  # the tools could not be built: occupations are related by code only
        logger.exception("Language tools unavailable: no occupation related through skills")
        return {}
    tops = {code: skills for code, skills in tops.items() if skills}
    related: dict[str, set[str]] = {code: set() for code in tops}
    ordered = sorted(tops)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            union = len(tops[a] | tops[b])
            if union and len(tops[a] & tops[b]) / union >= threshold:
                related[a].add(b)
                related[b].add(a)
    return {code: frozenset(others) for code, others in related.items() if others}
