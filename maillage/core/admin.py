from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from maillage.core.models import BackgroundJob, OutboxMessage, ReferenceDataset
from maillage.core.signals import person_records_viewed


class ProgramAdmin(admin.ModelAdmin):
    """Program managers (staff, not superusers) read everything and change nothing here:
    changes go through the platform's pages and services."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    # The lookup from a row to the user it is about ("candidate__user"; "id" for a user; a tuple
    # when a row is about two people), for the audit log of profile views: a list page or a
    # record opened here is logged as any other view of a person's record. None for rows about
    # nobody.
    audit_person: str | tuple[str, ...] | None = None

    def _audit(self, request: HttpRequest, pks: list, what: str) -> None:
        if self.audit_person is None or not pks:
            return
        lookups = (self.audit_person,) if isinstance(self.audit_person, str) else self.audit_person
        rows = self.model._default_manager.filter(pk__in=pks)
        subject_ids = {
            subject
            for lookup in lookups
            for subject in rows.exclude(**{f"{lookup}__isnull": True}).values_list(
                lookup, flat=True
            )
        }
        person_records_viewed.send(
            sender=self.model, viewer=request.user, subject_ids=sorted(subject_ids), what=what
        )

    def changelist_view(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            pks = [row.pk for row in changelist.result_list]
            what = _("Administration, list: %(records)s") % {
                "records": self.model._meta.verbose_name_plural
            }
            self._audit(request, pks, what)
        return response

    def change_view(
        self, request: HttpRequest, object_id: str, form_url: str = "", extra_context=None
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        if response.status_code == 200 and request.method == "GET":
            obj = self.get_object(request, unquote(object_id))
            if obj is not None:
                what = _("Administration, record: %(record)s") % {
                    "record": self.model._meta.verbose_name
                }
                self._audit(request, [obj.pk], what)
        return response

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


@admin.register(BackgroundJob)
class BackgroundJobAdmin(ProgramAdmin):
    list_display = ["created_at", "kind", "subject", "state", "done", "total", "finished_at"]
    list_filter = ["kind", "state"]
    exclude = ["result"]  # a draft schedule: read on its own page


@admin.register(OutboxMessage)
class OutboxMessageAdmin(ProgramAdmin):
    list_display = ["created_at", "task", "sent_at", "attempts", "next_attempt_at"]
    list_filter = ["task"]
