from django.contrib import admin

from maillage.households.models import HouseholdLink


@admin.register(HouseholdLink)
class HouseholdLinkAdmin(admin.ModelAdmin):
    list_display = ("public_id", "status", "created_at", "answered_at", "ended_at")
    list_filter = ("status",)
    readonly_fields = ("inviter", "partner", "invitee_email", "status")
