"""Import a CV: upload (read, never stored) → review every field → save what the candidate keeps."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from maillage.accounts.models import Role
from maillage.accounts.permissions import role_required
from maillage.candidates import services
from maillage.candidates.cv_import.forms import (
    CvReviewForm,
    CvUploadForm,
    EducationImportFormSet,
    ExperienceImportFormSet,
)
from maillage.candidates.cv_import.parsing import (
    CvDraft,
    EducationDraft,
    ExperienceDraft,
    cv_draft,
)
from maillage.candidates.cv_import.skills import cv_skills
from maillage.candidates.models import CandidateProfile
from maillage.taxonomy.forms import EscoSkillChoiceField
from maillage.taxonomy.selectors import noc_suggestions
from matchcore.language.folding import fold

candidate_required = role_required(Role.CANDIDATE)
NOC_SUGGESTIONS = 3


@candidate_required
@require_http_methods(["GET", "POST"])
def cv_upload(request: HttpRequest) -> HttpResponse:
    form = CvUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        draft = cv_draft(form.text)
        return render(
            request,
            "candidates/cv_review.html",
            review_context(request.user.candidate_profile, draft),
        )
    status = 400 if request.method == "POST" else 200
    return render(request, "candidates/cv_upload.html", {"form": form}, status=status)


def review_context(profile: CandidateProfile, draft: CvDraft) -> dict:
    """The review forms filled with what the CV says. Nothing is chosen for the candidate (no NOC
    picked, no skill or language level ticked); an entry is pre-ticked only when it is complete
    and not already in the profile, and the page says why the others are not."""
    known = known_entries(profile)
    experience_notes = [experience_notes_for(e, known) for e in draft.experiences]
    education_notes = [education_notes_for(e, known) for e in draft.educations]
    experiences = ExperienceImportFormSet(
        prefix="exp",
        initial=[
            {
                "keep": not notes,
                "title": e.title,
                "employer_name": e.employer,
                "country": e.country,
                "start_date": e.start,
                "end_date": None if e.is_current else e.end,
                "description": e.description,
                "noc": "",
                "noc_options": ",".join(
                    s.code for s in noc_suggestions(e.title, limit=NOC_SUGGESTIONS)
                ),
                "is_year_only": e.is_year_only,
            }
            for e, notes in zip(draft.experiences, experience_notes, strict=True)
        ],
    )
    educations = EducationImportFormSet(
        prefix="edu",
        initial=[
            {
                "keep": not notes,
                "level": e.level,
                "field": e.field,
                "country": e.country,
                "year_completed": e.year,
            }
            for e, notes in zip(draft.educations, education_notes, strict=True)
        ],
    )
    mentions = [m for m in cv_skills(draft.skills_text) if m.uri not in known.skill_uris]
    certifications = [
        c.name for c in draft.certifications if fold(c.name[:200]) not in known.skill_labels
    ]
    levels = proposed_levels(draft)
    review = CvReviewForm(
        initial={
            "summary": draft.summary,
            "replace_summary": bool(draft.summary) and not profile.summary,
            "skill_options": " ".join(m.uri for m in mentions),
            "certification_options": "\n".join(certifications),
            "certifications": certifications,
            "french_level": levels.get("fr"),
            "english_level": levels.get("en"),
        },
        found_in={m.uri: m.text for m in mentions},
    )
    return {
        "experiences": experiences,
        "experience_rows": list(
            zip(
                experiences.forms,
                [e.source for e in draft.experiences],
                experience_notes,
                strict=True,
            )
        ),
        "educations": educations,
        "education_rows": list(
            zip(
                educations.forms,
                [e.institution for e in draft.educations],
                education_notes,
                strict=True,
            )
        ),
        "review": review,
        "languages": draft.languages,
        "proposed_levels": {"french": levels.get("fr"), "english": levels.get("en")},
        "has_summary": bool(profile.summary),
    }


@dataclass(frozen=True)
class KnownEntries:
    """What the profile already holds, to recognise it when the same CV is imported again."""

    experiences: set[tuple[str, int, int]]  # (folded title, start year, start month)
    educations: set[tuple[str, int | None]]  # (folded field, year)
    skill_uris: set[str]
    skill_labels: set[str]  # folded


def known_entries(profile: CandidateProfile) -> KnownEntries:
    return KnownEntries(
        experiences={
            (fold(title), start.year, start.month)
            for title, start in profile.experiences.values_list("title", "start_date")
        },
        educations={
            (fold(field), year)
            for field, year in profile.educations.values_list("field", "year_completed")
        },
        skill_uris=set(profile.skills.exclude(esco_uri="").values_list("esco_uri", flat=True)),
        skill_labels={fold(label) for label in profile.skills.values_list("label", flat=True)},
    )


def experience_notes_for(draft: ExperienceDraft, known: KnownEntries) -> list[str]:
    """Why this experience is not pre-ticked (empty: it is)."""
    notes = []
    if draft.start and is_known_experience(draft, known):
        notes.append(_("This experience is already in your profile."))
    if draft.is_year_only:
        notes.append(_("Your CV gives only the years of this job: check the months of the dates."))
    if not draft.title or not draft.start:
        notes.append(_("We could not read the title or the dates for sure: check them."))
    if not draft.country:
        notes.append(_("Your CV does not say in which country: choose it."))
    return notes


def is_known_experience(draft: ExperienceDraft, known: KnownEntries) -> bool:
    """Same title and same start (month, or year when the CV gave only years)."""
    title = fold(draft.title)
    if draft.is_year_only:
        return any((title, draft.start.year) == (t, y) for t, y, _month in known.experiences)
    return (title, draft.start.year, draft.start.month) in known.experiences


def education_notes_for(draft: EducationDraft, known: KnownEntries) -> list[str]:
    notes = []
    if (fold(draft.field), draft.year) in known.educations:
        notes.append(_("This education is already in your profile."))
    if draft.level is None:
        notes.append(
            _(
                "Your CV does not name the level of this diploma in Québec terms: choose the "
                "closest level (a comparative evaluation from the Ministère tells it for a "
                "diploma from abroad)."
            )
        )
    if not draft.country:
        notes.append(_("Your CV does not say in which country: choose it."))
    return notes


def proposed_levels(draft: CvDraft) -> dict[str, int]:
    """ISO language ("fr", "en") → the Échelle québécoise level a named test converts to."""
    levels: dict[str, int] = {}
    for line in draft.languages:
        if line.language in {"fr", "en"} and line.proposed_level:
            levels.setdefault(line.language, line.proposed_level)
    return levels


@candidate_required
@require_POST
def cv_confirm(request: HttpRequest) -> HttpResponse:
    profile = request.user.candidate_profile
    experiences = ExperienceImportFormSet(request.POST, prefix="exp")
    educations = EducationImportFormSet(request.POST, prefix="edu")
    review = CvReviewForm(request.POST)
    if experiences.is_valid() and educations.is_valid() and review.is_valid():
        try:
            services.cv_import_apply(
                profile=profile,
                experiences=[
                    form.experience() for form in experiences if form.cleaned_data.get("keep")
                ],
                educations=[
                    form.education() for form in educations if form.cleaned_data.get("keep")
                ],
                skills={
                    **EscoSkillChoiceField.labels(review.cleaned_data["esco_skills"]),
                    **dict.fromkeys(review.cleaned_data["certifications"], ""),
                },
                summary=review.cleaned_data["summary"]
                if review.cleaned_data["replace_summary"]
                else None,
                language_levels=review.language_levels(),
            )
        except ValidationError:
            messages.error(
                request,
                _("Some answers could not be saved: nothing was added. Check them and try again."),
            )
        else:
            messages.success(request, _("Your profile is updated with what you kept from your CV."))
            return redirect("candidates:profile")
    context = {
        "experiences": experiences,
        "experience_rows": [(form, "", []) for form in experiences.forms],
        "educations": educations,
        "education_rows": [(form, "", []) for form in educations.forms],
        "review": review,
        "languages": [],
        "proposed_levels": {
            "french": review["french_level"].value(),
            "english": review["english_level"].value(),
        },
        "has_summary": bool(profile.summary),
    }
    return render(request, "candidates/cv_review.html", context, status=400)
