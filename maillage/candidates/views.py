from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from maillage.accounts.models import TEAM_ROLES, Role
from maillage.accounts.permissions import role_required
from maillage.accounts.services import profile_view_record
from maillage.candidates import selectors, services
from maillage.candidates.eligibility_text import REASON_TEXT, STATE_BADGE, STATE_TEXT
from maillage.candidates.forms import (
    CandidateSignupForm,
    ContactForm,
    EducationForm,
    ExperienceForm,
    ImmigrationForm,
    LanguagesForm,
    OccupationAddForm,
    PermitStatusForm,
    PreferencesForm,
    ProofDocumentForm,
    SkillAddForm,
    SummaryForm,
    VerificationDecisionForm,
)
from maillage.candidates.models import (
    CandidateProfile,
    CandidateSkill,
    Education,
    ProofDocument,
    WorkExperience,
)
from maillage.core.choices import VerificationStatus
from maillage.core.pagination import page_of
from maillage.core.verification import verification_decision_read
from maillage.taxonomy.forms import EscoSkillChoiceField
from maillage.taxonomy.selectors import permits_by_code, regulations_for_nocs, skill_suggestions

candidate_required = role_required(Role.CANDIDATE)
team_required = role_required(*TEAM_ROLES)

# Sections of the profile edited one at a time: (form, page title).
SECTIONS = {
    "contact": (ContactForm, gettext_lazy("Identity and contact")),
    "immigration": (ImmigrationForm, gettext_lazy("Immigration status")),
    "languages": (LanguagesForm, gettext_lazy("Languages")),
    "preferences": (PreferencesForm, gettext_lazy("Regions, mobility and availability")),
    "summary": (SummaryForm, gettext_lazy("About you")),
}


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("site:dashboard")
    form = CandidateSignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.candidate_signup(
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
            full_name=form.cleaned_data["full_name"],
            language=get_language() or "fr",
        )
        return redirect("accounts:email-confirmation-sent")
    return render(request, "candidates/signup.html", {"form": form})


def _eligibility_context(profile: CandidateProfile) -> dict:
    eligibility = profile.eligibility(today=timezone.localdate())
    return {
        "eligibility": eligibility,
        "eligibility_label": STATE_TEXT[eligibility.state],
        "eligibility_badge": STATE_BADGE[eligibility.state],
        "eligibility_reasons": [REASON_TEXT[reason] for reason in eligibility.reasons],
    }


@candidate_required
def profile(request: HttpRequest) -> HttpResponse:
    candidate = selectors.candidate_profile_for_page(profile_pk=request.user.candidate_profile.pk)
    regulations = regulations_for_nocs(_occupation_codes(candidate))
    initial = {PermitStatusForm.PREFIX + code: s for code, s in candidate.permits.items()}
    return render(
        request,
        "candidates/profile.html",
        {
            "profile": candidate,
            "occupation_form": OccupationAddForm(),
            "skill_form": SkillAddForm(),
            "regulations": regulations,
            "permit_form": PermitStatusForm(
                permits=_permits_to_answer(candidate, regulations), initial=initial
            ),
            **_eligibility_context(candidate),
        },
    )


def _permits_to_answer(candidate, regulations) -> list:
    """One row per permit: those of the candidate's occupations, then those already answered."""
    found = {}
    for regulation in regulations:
        found.setdefault(regulation.permit_code, regulation)
    answered = set(candidate.permits) - set(found)
    if answered:
        found.update(permits_by_code(answered))
    return list(found.values())


@candidate_required
@require_POST
def permits_update(request: HttpRequest) -> HttpResponse:
    candidate = selectors.candidate_profile_for_page(profile_pk=request.user.candidate_profile.pk)
    regulations = regulations_for_nocs(_occupation_codes(candidate))
    form = PermitStatusForm(request.POST, permits=_permits_to_answer(candidate, regulations))
    if form.is_valid():
        services.candidate_permits_update(profile=candidate, statuses=form.statuses())
        messages.success(request, _("Your permits are saved."))
    else:
        messages.error(request, _("Choose a status from the list."))
    return redirect(reverse("candidates:profile") + "#regulations")


def _occupation_codes(candidate) -> set[str]:
    """The unit groups the candidate practised or wants (from the prefetched profile)."""
    codes = {noc.code for noc in candidate.desired_occupations.all()}
    return codes | {e.noc_id for e in candidate.experiences.all() if e.noc_id}


@candidate_required
@require_http_methods(["GET", "POST"])
def profile_section_edit(request: HttpRequest, section: str) -> HttpResponse:
    if section not in SECTIONS:
        raise Http404
    form_class, title = SECTIONS[section]
    candidate = request.user.candidate_profile
    form = form_class(request.POST or None, instance=candidate)
    if request.method == "POST" and form.is_valid():
        services.candidate_profile_update(profile=candidate, changes=dict(form.cleaned_data))
        messages.success(request, _("Your profile is saved."))
        return redirect("candidates:profile")
    return render(request, "candidates/section_form.html", {"form": form, "title": title})


@candidate_required
@require_POST
def occupation_add(request: HttpRequest) -> HttpResponse:
    form = OccupationAddForm(request.POST)
    if form.is_valid():
        services.candidate_occupation_add(
            profile=request.user.candidate_profile, noc=form.cleaned_data["noc"]
        )
        messages.success(request, _("The occupation is added."))
    else:
        messages.error(request, _("Choose an occupation from the list."))
    return redirect("candidates:profile")


@candidate_required
@require_POST
def occupation_remove(request: HttpRequest, code: str) -> HttpResponse:
    candidate = request.user.candidate_profile
    noc = get_object_or_404(candidate.desired_occupations, code=code)
    services.candidate_occupation_remove(profile=candidate, noc=noc)
    messages.success(request, _("The occupation is removed."))
    return redirect("candidates:profile")


@candidate_required
@require_POST
def skill_add(request: HttpRequest) -> HttpResponse:
    form = SkillAddForm(request.POST)
    if form.is_valid():
        services.candidate_skill_add(
            profile=request.user.candidate_profile, label=form.cleaned_data["label"]
        )
        messages.success(request, _("The skill is added."))
    else:
        messages.error(request, _("Write the skill in a few words."))
    return redirect("candidates:profile")


@candidate_required
@require_POST
def skill_remove(request: HttpRequest, pk: int) -> HttpResponse:
    skill = get_object_or_404(CandidateSkill, pk=pk, candidate__user=request.user)
    services.candidate_skill_remove(skill=skill)
    messages.success(request, _("The skill is removed."))
    return redirect("candidates:profile")


@candidate_required
@require_http_methods(["GET", "POST"])
def experience_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    candidate = request.user.candidate_profile
    experience = (
        get_object_or_404(WorkExperience, pk=pk, candidate=candidate)
        if pk
        else WorkExperience(candidate=candidate)
    )
    form = ExperienceForm(request.POST or None, instance=experience)
    if request.method == "POST" and form.is_valid():
        services.experience_save(experience=form.save(commit=False))
        messages.success(request, _("The experience is saved."))
        return redirect("candidates:profile")
    title = _("Edit an experience") if pk else _("Add an experience")
    return render(request, "candidates/section_form.html", {"form": form, "title": title})


@candidate_required
@require_POST
def experience_delete(request: HttpRequest, pk: int) -> HttpResponse:
    experience = get_object_or_404(WorkExperience, pk=pk, candidate__user=request.user)
    services.experience_delete(experience=experience)
    messages.success(request, _("The experience is deleted."))
    return redirect("candidates:profile")


@candidate_required
@require_http_methods(["GET", "POST"])
def education_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    candidate = request.user.candidate_profile
    education = (
        get_object_or_404(Education, pk=pk, candidate=candidate)
        if pk
        else Education(candidate=candidate)
    )
    form = EducationForm(request.POST or None, instance=education)
    if request.method == "POST" and form.is_valid():
        services.education_save(education=form.save(commit=False))
        messages.success(request, _("The diploma is saved."))
        return redirect("candidates:profile")
    title = _("Edit a diploma") if pk else _("Add a diploma")
    return render(request, "candidates/section_form.html", {"form": form, "title": title})


@candidate_required
@require_POST
def education_delete(request: HttpRequest, pk: int) -> HttpResponse:
    education = get_object_or_404(Education, pk=pk, candidate__user=request.user)
    services.education_delete(education=education)
    messages.success(request, _("The diploma is deleted."))
    return redirect("candidates:profile")


@candidate_required
@require_http_methods(["GET", "POST"])
def document_upload(request: HttpRequest) -> HttpResponse:
    form = ProofDocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.proof_document_upload(
            profile=request.user.candidate_profile,
            kind=form.cleaned_data["kind"],
            upload=form.cleaned_data["file"],
            checked=form.checked,
        )
        messages.success(request, _("The document is received. An advisor will check it."))
        return redirect("candidates:profile")
    return render(
        request,
        "candidates/section_form.html",
        {"form": form, "title": _("Add a proof document"), "multipart": True},
    )


@login_required
def document_download(request: HttpRequest, pk: int) -> FileResponse:
    """The candidate's own documents, or any for the program team (each opening is logged)."""
    document = get_object_or_404(ProofDocument.objects.select_related("candidate__user"), pk=pk)
    owner = document.candidate.user
    if request.user != owner and request.user.role not in TEAM_ROLES:
        raise PermissionDenied
    profile_view_record(
        viewer=request.user,
        subject=owner,
        what=gettext_lazy("Proof document: %(name)s"),
        params={"name": document.original_name},
    )
    return FileResponse(
        document.file.open("rb"),
        content_type=document.content_type,
        as_attachment=document.content_type == "application/pdf",
        filename=document.original_name,
    )


@team_required
def verification_queue(request: HttpRequest) -> HttpResponse:
    page = page_of(request, selectors.candidates_awaiting_verification())
    return render(
        request,
        "candidates/verification_queue.html",
        {"candidates": page.object_list, "page": page},
    )


@team_required
def candidate_review(request: HttpRequest, public_id) -> HttpResponse:
    candidate = get_object_or_404(CandidateProfile, public_id=public_id)
    candidate = selectors.candidate_profile_for_page(profile_pk=candidate.pk)
    profile_view_record(
        viewer=request.user,
        subject=candidate.user,
        what=gettext_lazy("Profile opened for the eligibility check"),
    )
    return render(
        request,
        "candidates/review.html",
        {
            "profile": candidate,
            "decision_form": VerificationDecisionForm(),
            **_eligibility_context(candidate),
        },
    )


@role_required(Role.ADVISOR)
@require_POST
def candidate_decide(request: HttpRequest, public_id) -> HttpResponse:
    candidate = get_object_or_404(CandidateProfile, public_id=public_id)
    decision = verification_decision_read(
        request,
        VerificationDecisionForm(request.POST),
        refusal_needs_reason=_("Say why you refuse: the person will read it."),
    )
    if decision is None:
        return redirect("candidates:review", public_id=public_id)
    status, note = decision
    if status == VerificationStatus.VERIFIED:
        services.candidate_verify(profile=candidate, by=request.user, note=note)
        messages.success(request, _("The candidate is verified."))
    else:
        services.candidate_refuse(profile=candidate, by=request.user, reason=note)
        messages.success(request, _("The refusal is recorded and the candidate is told why."))
    return redirect("candidates:verification-queue")


@candidate_required
@require_http_methods(["GET", "POST"])
def skill_suggestions_page(request: HttpRequest) -> HttpResponse:
    """ESCO skills suggested from the candidate's own words (experiences, "About you") and
    occupations; only those ticked are added."""
    candidate = selectors.candidate_profile_for_page(profile_pk=request.user.candidate_profile.pk)
    if request.method == "POST":
        chosen = EscoSkillChoiceField.labels(request.POST.getlist("esco_skills"))
        if chosen:
            services.candidate_skills_confirm(
                profile=candidate, skills=chosen, source=CandidateSkill.Source.EXPERIENCE
            )
            messages.success(request, _("The skills you ticked are added to your profile."))
            return redirect("candidates:profile")
        messages.error(request, _("Tick at least one skill, or go back to your profile."))
    experiences = list(candidate.experiences.all())
    text = "\n".join([candidate.summary] + [f"{e.title}\n{e.description}" for e in experiences])
    codes = [e.noc_id for e in experiences if e.noc_id] + [
        noc.code for noc in candidate.desired_occupations.all()
    ]
    suggestions = skill_suggestions(
        text=text,
        noc_codes=list(dict.fromkeys(codes)),
        exclude_uris={s.esco_uri for s in candidate.skills.all() if s.esco_uri},
    )
    return render(
        request,
        "candidates/skill_suggestions.html",
        {
            "suggestions": suggestions,
            "field_name": "esco_skills",
            "checked": request.POST.getlist("esco_skills"),
        },
    )
