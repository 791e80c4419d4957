from django.contrib import admin

from maillage.candidates.models import CandidateProfile, Education, ProofDocument, WorkExperience
from maillage.core.admin import ProgramAdmin


class ExperienceInline(admin.TabularInline):
    model = WorkExperience
    extra = 0


class EducationInline(admin.TabularInline):
    model = Education
    extra = 0


@admin.register(CandidateProfile)
class CandidateProfileAdmin(ProgramAdmin):
    audit_person = "user"
    list_display = [
        "user",
        "immigration_status",
        "admission_date",
        "verification_status",
        "updated_at",
    ]
    list_filter = ["verification_status", "immigration_status"]
    search_fields = ["user__email", "user__full_name"]
    inlines = [ExperienceInline, EducationInline]


@admin.register(ProofDocument)
class ProofDocumentAdmin(ProgramAdmin):
    audit_person = "candidate__user"
    list_display = ["original_name", "kind", "candidate", "uploaded_at"]

    # Files arrive only through the candidate's page, where check_upload reads their content.
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
