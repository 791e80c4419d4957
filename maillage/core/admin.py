from django.contrib import admin
from django.db import models

from maillage.core.models import ReferenceDataset


class ProgramAdmin(admin.ModelAdmin):
    """Program managers (staff, not superusers) read everything and change nothing here:
    changes go through the platform's pages and services."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def has_view_permission(self, request, obj=None) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_module_permission(self, request) -> bool:
        return self.has_view_permission(request)

    def has_add_permission(self, request) -> bool:
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser


@admin.register(ReferenceDataset)
class ReferenceDatasetAdmin(ProgramAdmin):
    list_display = ["name", "rows", "loaded_at"]
