from django.contrib import admin

from maillage.activities.models import (
    Activity,
    CandidateRegistration,
    EmployerRegistration,
    Meeting,
    MeetingConstraint,
)
from maillage.core.admin import ProgramAdmin


@admin.register(Activity)
class ActivityAdmin(ProgramAdmin):
    list_display = ["title", "kind", "region", "date", "status", "schedule_status"]
    list_filter = ["kind", "status", "region"]


@admin.register(EmployerRegistration)
class EmployerRegistrationAdmin(ProgramAdmin):
    list_display = ["activity", "company", "registered_at", "attended_at"]


@admin.register(CandidateRegistration)
class CandidateRegistrationAdmin(ProgramAdmin):
    audit_person = "candidate__user"
    list_display = ["activity", "candidate", "status", "created_at"]
    list_filter = ["status"]


@admin.register(MeetingConstraint)
class MeetingConstraintAdmin(ProgramAdmin):
    audit_person = "candidate__user"
    list_display = ["activity", "candidate", "company", "kind", "slot"]


@admin.register(Meeting)
class MeetingAdmin(ProgramAdmin):
    audit_person = "candidate__user"
    list_display = [
        "activity",
        "slot",
        "table",
        "company",
        "candidate",
        "score",
        "checked_in_at",
        "outcome",
    ]
    list_filter = ["outcome"]
