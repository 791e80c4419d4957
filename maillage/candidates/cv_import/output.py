"""The draft of a CV as the plain JSON `manage.py parse_cv` prints (the schema of docs/language.md,
"CV import")."""

from maillage.candidates.cv_import.parsing import LEVEL_NAMES, CvDraft, month_text


def draft_json(draft: CvDraft, skills: list | None = None) -> dict:
    """`skills`: RankedSkill list (cv_import.skills.cv_skills), spans in `draft.skills_text`
    (null for a skill the text implies without naming it)."""
    return {
        "summary": draft.summary,
        "experiences": [
            {
                "title": e.title,
                "employer": e.employer,
                "city": e.city,
                "country": e.country,
                "start": month_text(e.start, e.is_year_only),
                "end": None if e.is_current else month_text(e.end, e.is_year_only),
                "description": e.description,
            }
            for e in draft.experiences
        ],
        "education": [
            {
                "level": LEVEL_NAMES.get(e.level) if e.level is not None else None,
                "field": e.field,
                "institution": e.institution,
                "country": e.country,
                "year": e.year,
            }
            for e in draft.educations
        ],
        "certifications": [{"name": c.name, "year": c.year} for c in draft.certifications],
        "languages": [
            {
                "language": line.language,
                "as_written": line.as_written,
                "proposed_level": line.proposed_level,
            }
            for line in draft.languages
        ],
        "skills": [
            {
                "uri": m.uri,
                "label": m.label,
                "span": None if m.start is None else [m.start, m.end],
                "text": m.text,
                "score": m.score,
            }
            for m in (skills or [])
        ],
    }
