"""A posting's requirements, one by one, against a candidate's profile.

Every row says whether the requirement is met. The candidate's own value (their level, their
years…) belongs to a section of the profile; an employer sees it only if the candidate shared that
section (SharedSection), otherwise only "met" or "not met". Rows whose section is empty never show
the value to an employer (the right to work, the place).
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from maillage.candidates.models import CandidateProfile, ImmigrationStatus
from maillage.employers.models import JobPosting
from maillage.prequalification.models import SharedSection
from maillage.taxonomy.scales import EducationLevel


@dataclass(frozen=True)
class RequirementRow:
    requirement: str
    required: str
    candidate: str
    section: str  # a SharedSection value, or "" when the value is never shown to employers
    is_met: bool | None  # None: the profile does not say


def _years(value: float) -> str:
    whole = int(value)
    return ngettext("%(count)d year", "%(count)d years", whole) % {"count": whole}


def _experience_years(profile: CandidateProfile, posting: JobPosting, today: date) -> float:
    """Years in the posting's occupation if the profile has any, otherwise all experience."""
    experiences = list(profile.experiences.all())
    same = [e for e in experiences if e.noc_id == posting.noc_id] or experiences
    days = sum(((e.end_date or today) - e.start_date).days for e in same)
    return max(days, 0) / 365.25


def _level(value: int | None) -> str:
    return "—" if value is None else str(value)


def requirement_rows(
    *, posting: JobPosting, profile: CandidateProfile, today: date
) -> list[RequirementRow]:
    rows: list[RequirementRow] = []
    occupations = {noc.code for noc in profile.desired_occupations.all()} | {
        e.noc_id for e in profile.experiences.all() if e.noc_id
    }
    matching_titles = [e.title for e in profile.experiences.all() if e.noc_id == posting.noc_id]
    rows.append(
        RequirementRow(
            requirement=_("Occupation"),
            required=str(posting.noc),
            candidate=", ".join(matching_titles) or "—",
            section=SharedSection.EXPERIENCE,
            is_met=posting.noc_id in occupations,
        )
    )
    years = _experience_years(profile, posting, today)
    rows.append(
        RequirementRow(
            requirement=_("Experience"),
            required=_years(posting.min_years_experience),
            candidate=_years(years),
            section=SharedSection.EXPERIENCE,
            is_met=years >= posting.min_years_experience,
        )
    )
    levels = [education.level for education in profile.educations.all()]
    highest = max(levels) if levels else None
    rows.append(
        RequirementRow(
            requirement=_("Education"),
            required=EducationLevel(posting.min_education).label,
            candidate=EducationLevel(highest).label if highest is not None else "—",
            section=SharedSection.EDUCATION,
            is_met=(highest or EducationLevel.NONE) >= posting.min_education,
        )
    )
    french_labels = {
        "oral_comprehension": _("French – oral comprehension"),
        "oral_production": _("French – oral production"),
        "written_comprehension": _("French – written comprehension"),
        "written_production": _("French – written production"),
    }
    candidate_french = profile.french_levels()
    for skill, minimum in posting.min_french_levels().items():
        if minimum is None:
            continue
        level = candidate_french[skill]
        rows.append(
            RequirementRow(
                requirement=french_labels[skill],
                required=str(minimum),
                candidate=_level(level),
                section=SharedSection.LANGUAGES,
                is_met=None if level is None else level >= minimum,
            )
        )
    if posting.min_english is not None:
        english = profile.english_levels()
        oral = [english["oral_comprehension"], english["oral_production"]]
        level = None if None in oral else min(oral)
        rows.append(
            RequirementRow(
                requirement=_("English (oral)"),
                required=str(posting.min_english),
                candidate=_level(level),
                section=SharedSection.LANGUAGES,
                is_met=None if level is None else level >= posting.min_english,
            )
        )
    skills = list(profile.skills.all())
    labels = {skill.label.casefold(): skill.label for skill in skills}
    uris = {skill.esco_uri: skill.label for skill in skills if skill.esco_uri}
    for wanted in posting.skills.all():
        if not wanted.is_required:
            continue
        found = (wanted.esco_uri and uris.get(wanted.esco_uri)) or labels.get(
            wanted.label.casefold()
        )
        rows.append(
            RequirementRow(
                requirement=_("Skill: %(skill)s") % {"skill": wanted.label},
                required=_("required"),
                candidate=found or "—",
                section=SharedSection.SKILLS,
                is_met=bool(found),
            )
        )
    if profile.immigration_status:
        allowed = (
            profile.immigration_status != ImmigrationStatus.EMPLOYER_SPECIFIC_PERMIT
            or posting.accepts_employer_specific_permit
        )
        rows.append(
            RequirementRow(
                requirement=_("Right to work in this position"),
                required=_("required"),
                candidate="",
                section="",
                is_met=allowed,
            )
        )
    region_id = posting.municipality.region_id
    wants_region = (
        profile.is_open_to_all_regions
        or profile.is_ready_to_relocate
        or any(region.pk == region_id for region in profile.regions_of_interest.all())
        or (profile.municipality is not None and profile.municipality.region_id == region_id)
    )
    rows.append(
        RequirementRow(
            requirement=_("Place of work"),
            required=posting.municipality.name,
            candidate="",
            section="",
            is_met=wants_region,
        )
    )
    return rows


def rows_met(rows: list[RequirementRow]) -> int:
    return sum(1 for row in rows if row.is_met)
