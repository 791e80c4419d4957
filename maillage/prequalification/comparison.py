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

from maillage.candidates.models import CandidateProfile
from maillage.employers.models import JobPosting
from maillage.matching.evidence import lowest_english, pair_reasons, requirement_evidence
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
    if value == int(value):
        whole = int(value)
        return ngettext("%(count)d year", "%(count)d years", whole) % {"count": whole}
    return _("%(count)s years") % {"count": f"{value:.1f}".replace(".", ",")}


def _level(value: int | None) -> str:
    return "—" if value is None else str(value)


def requirement_rows(
    *,
    posting: JobPosting,
    profile: CandidateProfile,
    today: date,
    reasons: list[dict] | None = None,
) -> list[RequirementRow]:
    """The rows, met or not as the engine judged them: from `reasons` (a stored verdict) or
    from the engine's verdict on the pair as it is today."""
    found = requirement_evidence(
        pair_reasons(profile, posting, today=today) if reasons is None else reasons
    )
    rows: list[RequirementRow] = []
    matching_titles = [e.title for e in profile.experiences.all() if e.noc_id == posting.noc_id]
    rows.append(
        RequirementRow(
            requirement=_("Occupation"),
            required=str(posting.noc),
            candidate=", ".join(matching_titles) or "—",
            section=SharedSection.EXPERIENCE,
            is_met=found.occupation == "unit",
        )
    )
    rows.append(
        RequirementRow(
            requirement=_("Experience"),
            required=_years(posting.min_years_experience),
            candidate="—" if found.years is None else _years(found.years),
            section=SharedSection.EXPERIENCE,
            is_met=found.years_met,
        )
    )
    rows.append(
        RequirementRow(
            requirement=_("Education"),
            required=EducationLevel(posting.min_education).label,
            candidate="—" if found.education is None else EducationLevel(found.education).label,
            section=SharedSection.EDUCATION,
            is_met=None if found.education is None else found.education >= posting.min_education,
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
        level = lowest_english(profile.english_levels())
        rows.append(
            RequirementRow(
                requirement=_("English (lowest skill)"),
                required=str(posting.min_english),
                candidate=_level(level),
                section=SharedSection.LANGUAGES,
                is_met=None if level is None else level >= posting.min_english,
            )
        )
    missing_must = set(found.must_haves_missing)
    for wanted in posting.skills.all():
        if not wanted.is_required:
            continue
        has = wanted.label in found.skills_matched and wanted.label not in missing_must
        rows.append(
            RequirementRow(
                requirement=(
                    _("Must-have: %(skill)s") if wanted.is_must_have else _("Skill: %(skill)s")
                )
                % {"skill": wanted.label},
                required=_("required"),
                candidate=wanted.label if has else "—",
                section=SharedSection.SKILLS,
                is_met=has,
            )
        )
    if profile.immigration_status:
        rows.append(
            RequirementRow(
                requirement=_("Right to work in this position"),
                required=_("required"),
                candidate="",
                section="",
                is_met=found.right_to_work,
            )
        )
    rows.append(
        RequirementRow(
            requirement=_("Place of work"),
            required=posting.municipality.name,
            candidate="",
            section="",
            is_met=found.region,
        )
    )
    return rows


def rows_met(rows: list[RequirementRow]) -> int:
    return sum(1 for row in rows if row.is_met)
