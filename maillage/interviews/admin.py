from django.contrib import admin

from maillage.core.admin import ProgramAdmin
from maillage.interviews.models import FollowUp, Interview, InterviewSlot, Placement


@admin.register(Interview)
class InterviewAdmin(ProgramAdmin):
    list_display = ["public_id", "status", "outcome", "round", "created_at"]
    list_filter = ["status", "outcome"]


@admin.register(InterviewSlot)
class InterviewSlotAdmin(ProgramAdmin):
    list_display = ["posting", "starts_at", "ends_at", "withdrawn_at"]


@admin.register(Placement)
class PlacementAdmin(ProgramAdmin):
    list_display = ["position", "company", "region", "start_date"]
    list_filter = ["region"]


@admin.register(FollowUp)
class FollowUpAdmin(ProgramAdmin):
    list_display = ["placement", "months", "due_on", "status", "is_still_employed"]
    list_filter = ["status", "months"]
