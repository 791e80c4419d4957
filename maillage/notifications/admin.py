from django.contrib import admin

from maillage.core.admin import ProgramAdmin
from maillage.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(ProgramAdmin):
    audit_person = "recipient"
    list_display = ["created_at", "recipient", "code", "read_at"]
    list_select_related = ["recipient"]
    list_filter = ["code"]
    search_fields = ["recipient__email"]
