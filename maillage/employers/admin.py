from django.contrib import admin

from maillage.core.admin import ProgramAdmin
from maillage.employers.models import Company, CompanyInvitation, CompanyMember, JobPosting


class MemberInline(admin.TabularInline):
    model = CompanyMember
    extra = 0


@admin.register(Company)
class CompanyAdmin(ProgramAdmin):
    list_display = ["legal_name", "neq", "region", "sector", "size", "verification_status"]
    list_filter = ["verification_status", "region", "sector"]
    search_fields = ["legal_name", "neq"]
    inlines = [MemberInline]


@admin.register(CompanyInvitation)
class CompanyInvitationAdmin(ProgramAdmin):
    list_display = ["email", "company", "created_at", "accepted_at"]


@admin.register(JobPosting)
class JobPostingAdmin(ProgramAdmin):
    list_display = ["title", "company", "noc", "municipality", "status", "published_at"]
    list_filter = ["status"]
    search_fields = ["title", "company__legal_name"]
    list_select_related = ["company", "noc", "municipality"]
