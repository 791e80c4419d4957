from django.contrib import admin

from maillage.core.admin import ProgramAdmin
from maillage.households.models import HouseholdLink


@admin.register(HouseholdLink)
class HouseholdLinkAdmin(ProgramAdmin):
    audit_person = ("inviter__user", "partner__user")
    list_display = ("public_id", "status", "created_at", "answered_at", "ended_at")
    list_filter = ("status",)
    readonly_fields = ("inviter", "partner", "invitee_email", "status")
