"""The requirement-by-requirement comparison of a candidate with a posting, as rows a template
draws as an SVG bar chart (no JavaScript) and as a table with the same numbers.

Each row has the posting's requirement and the candidate's value on one scale; the candidate's
bar is blue when it meets the requirement and red-brown when it does not, and the words "meets"
or "below" are written beside it, so colour is never the only cue.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from maillage.candidates.models import CandidateProfile
from maillage.core.templatetags.formatting import format_money
from maillage.employers.models import JobPosting
from maillage.matching.evidence import lowest_english, requirement_evidence
from maillage.matching.models import MatchResult
from maillage.matching.records import hourly
from maillage.taxonomy.scales import EducationLevel, LanguageSkill

BAR_X = 260  # where bars start (labels on the left)
BAR_WIDTH = 300
ROW_HEIGHT = 34
STATUS_X = BAR_X + BAR_WIDTH + 10


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    required_text: str
    candidate_text: str
    meets: bool | None  # None: nothing to compare (missing)
    required_share: float  # 0–1 of the bar
    candidate_share: float

    @property
    def required_width(self) -> int:
        return round(BAR_WIDTH * self.required_share)

    @property
    def candidate_width(self) -> int:
        return round(BAR_WIDTH * self.candidate_share)


@dataclass(frozen=True)
class Comparison:
    rows: list[ComparisonRow]

    @property
    def height(self) -> int:
        return ROW_HEIGHT * len(self.rows) + 10

    def positioned(self) -> list[tuple[int, ComparisonRow]]:
        return [(5 + i * ROW_HEIGHT, row) for i, row in enumerate(self.rows)]


def _share(value: float | None, scale: float) -> float:
    if value is None or scale <= 0:
        return 0.0
    return max(0.0, min(1.0, value / scale))


def _level_row(label: str, required: int, has: int | None) -> ComparisonRow:
    return ComparisonRow(
        label=label,
        required_text=str(required),
        candidate_text="—" if has is None else str(has),
        meets=None if has is None else has >= required,
        required_share=_share(required, 12),
        candidate_share=_share(has, 12),
    )


def comparison(result: MatchResult, posting: JobPosting, profile: CandidateProfile) -> Comparison:
    """Rows for every requirement of the posting (prefetched: posting.skills), the numbers
    taken from the engine's evidence in the result (matching.evidence)."""
    rows: list[ComparisonRow] = []
    french = profile.french_levels()
    for skill, minimum in posting.min_french_levels().items():
        if minimum is not None:
            label = _("French – %(skill)s") % {"skill": str(LanguageSkill(skill).label).lower()}
            rows.append(_level_row(label, minimum, french[skill]))
    if posting.min_english is not None:
        rows.append(
            _level_row(
                _("English (lowest skill)"),
                posting.min_english,
                lowest_english(profile.english_levels()),
            )
        )
    found = requirement_evidence(result.reasons)
    rows.append(
        ComparisonRow(
            label=_("Education"),
            required_text=str(EducationLevel(posting.min_education).label),
            candidate_text="—"
            if found.education is None
            else str(EducationLevel(found.education).label),
            meets=None if found.education is None else found.education >= posting.min_education,
            required_share=_share(posting.min_education, 6),
            candidate_share=_share(found.education, 6),
        )
    )
    years = found.years
    scale = max(float(posting.min_years_experience), float(years or 0), 1.0)
    rows.append(
        ComparisonRow(
            label=_("Years of experience in the field"),
            required_text=str(posting.min_years_experience),
            candidate_text="—" if years is None else str(years).replace(".", ","),
            meets=None if years is None else years >= posting.min_years_experience,
            required_share=_share(posting.min_years_experience, scale),
            candidate_share=_share(years, scale),
        )
    )
    missing_must = set(found.must_haves_missing)
    for skill in posting.skills.all():
        if not skill.is_required:
            continue
        has = skill.label in found.skills_matched and skill.label not in missing_must
        rows.append(
            ComparisonRow(
                label=skill.label,
                required_text=_("must-have") if skill.is_must_have else _("required"),
                candidate_text=_("yes") if has else _("no"),
                meets=has,
                required_share=1.0,
                candidate_share=1.0 if has else 0.0,
            )
        )
    expected = hourly(profile.salary_expectation, profile.salary_period)
    offered = hourly(posting.salary_max, posting.salary_period)
    if offered is not None:
        scale = max(offered, expected or 0.0)
        rows.append(
            ComparisonRow(
                label=_("Hourly salary: offered (up to) and expected"),
                required_text=format_money(round(offered, 2)),
                candidate_text="—" if expected is None else format_money(round(expected, 2)),
                meets=None if expected is None else offered >= expected,
                required_share=_share(offered, scale),
                candidate_share=_share(expected, scale),
            )
        )
    return Comparison(rows)
