from django.contrib import admin

from maillage.accounts.models import PrivacyConsent, ProfileView, User
from maillage.core.admin import ProgramAdmin


@admin.register(User)
class UserAdmin(ProgramAdmin):
    audit_person = "id"
    list_display = ["email", "full_name", "role", "language", "email_confirmed_at", "date_joined"]
    list_filter = ["role", "language", "is_staff"]
    search_fields = ["email", "full_name"]
    exclude = ["password"]
    readonly_fields = ["public_id", "last_login", "date_joined"]


@admin.register(PrivacyConsent)
class PrivacyConsentAdmin(ProgramAdmin):
    audit_person = "user"
    list_display = ["user", "purpose", "notice_version", "given_at", "withdrawn_at"]
    list_filter = ["purpose", "notice_version"]


@admin.register(ProfileView)
class ProfileViewAdmin(ProgramAdmin):
    # The audit log itself: reading it is not reading anyone's record (and logging it would
    # add a row for every row read).
    audit_person = None
    list_display = ["viewed_at", "viewer", "subject", "what"]
    list_select_related = ["viewer", "subject"]
    search_fields = ["viewer__email", "subject__email"]
