from django.contrib import admin

from maillage.core.admin import ProgramAdmin
from maillage.taxonomy.models import NocExampleTitle, NocGroup


@admin.register(NocGroup)
class NocGroupAdmin(ProgramAdmin):
    list_display = ["code", "level", "teer", "title_fr", "title_en"]
    list_filter = ["level", "teer"]
    search_fields = ["code", "title_fr", "title_en"]


@admin.register(NocExampleTitle)
class NocExampleTitleAdmin(ProgramAdmin):
    list_display = ["title", "language", "noc"]
    list_filter = ["language"]
    search_fields = ["title"]
