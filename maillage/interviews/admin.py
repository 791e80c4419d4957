from django.contrib import admin

from maillage.core.admin import ProgramAdmin
from maillage.interviews.models import FollowUp, Interview, InterviewSlot, Placement


@admin.register(Interview)
class InterviewAdmin(ProgramAdmin):
    audit_person = "proposal__candidate__user"
    list_display = ["public_id", "status", "outcome", "round", "created_at"]
    list_filter = ["status", "outcome"]


@admin.register(InterviewSlot)
class InterviewSlotAdmin(ProgramAdmin):
    list_display = ["posting", "starts_at", "ends_at", "withdrawn_at"]


@admin.register(Placement)
class PlacementAdmin(ProgramAdmin):
    audit_person = "candidate__user"
    list_display = ["position", "company", "region", "start_date"]
    list_filter = ["region"]


@admin.register(FollowUp)
class FollowUpAdmin(ProgramAdmin):
    audit_person = "placement__candidate__user"
    list_display = ["placement", "months", "due_on", "status", "is_still_employed"]
    list_filter = ["status", "months"]
