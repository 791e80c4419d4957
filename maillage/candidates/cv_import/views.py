"""Import a CV: upload (read, never stored) → review every field → save what the candidate keeps."""

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
from maillage.candidates.cv_import.parsing import CvDraft, cv_draft
from maillage.candidates.models import CandidateProfile
from maillage.taxonomy.forms import EscoSkillChoiceField
from maillage.taxonomy.selectors import noc_suggestions, skill_suggestions

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
    """The review forms filled with what the CV says: nothing chosen for the candidate (no NOC
    picked, no skill ticked), every experience and education shown with its words from the CV."""
    experiences = ExperienceImportFormSet(
        prefix="exp",
        initial=[
            {
                "keep": True,
                "title": e.title,
                "employer_name": e.employer,
                "country": e.country,
                "start_date": e.start,
                "end_date": e.end,
                "description": e.description,
                "noc": "",
                "noc_options": ",".join(
                    s.code for s in noc_suggestions(e.title, limit=NOC_SUGGESTIONS)
                ),
                "is_year_only": e.is_year_only,
            }
            for e in draft.experiences
        ],
    )
    educations = EducationImportFormSet(
        prefix="edu",
        initial=[
            {
                "keep": True,
                "level": e.level,
                "field": e.field,
                "country": e.country,
                "year_completed": e.year,
            }
            for e in draft.educations
        ],
    )
    known = set(profile.skills.exclude(esco_uri="").values_list("esco_uri", flat=True))
    suggestions = skill_suggestions(text=draft.skills_text, exclude_uris=known)
    review = CvReviewForm(
        initial={
            "summary": draft.summary,
            "replace_summary": bool(draft.summary) and not profile.summary,
            "skill_options": " ".join(s.uri for s in suggestions),
        },
        found_in={s.uri: s.found_in for s in suggestions},
    )
    return {
        "experiences": experiences,
        "experience_rows": list(
            zip(experiences.forms, [e.source for e in draft.experiences], strict=True)
        ),
        "educations": educations,
        "review": review,
        "languages": draft.languages,
        "has_summary": bool(profile.summary),
    }


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
                skills=EscoSkillChoiceField.labels(review.cleaned_data["esco_skills"]),
                summary=review.cleaned_data["summary"]
                if review.cleaned_data["replace_summary"]
                else None,
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
        "experience_rows": [(form, "") for form in experiences.forms],
        "educations": educations,
        "review": review,
        "languages": [],
        "has_summary": bool(profile.summary),
    }
    return render(request, "candidates/cv_review.html", context, status=400)
