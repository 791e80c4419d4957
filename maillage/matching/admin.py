from django.contrib import admin

from maillage.core.admin import ProgramAdmin
from maillage.matching.models import MatchResult, RankerModel


@admin.register(MatchResult)
class MatchResultAdmin(ProgramAdmin):
    audit_person = "candidate__user"
    list_display = [
        "posting",
        "candidate",
        "score",
        "stars",
        "is_excluded",
        "engine_version",
        "computed_at",
    ]
    list_filter = ["is_excluded", "stars", "engine_version"]
    list_select_related = ["posting", "candidate__user"]


@admin.register(RankerModel)
class RankerModelAdmin(ProgramAdmin):
    list_display = ["version", "labels", "trained_at", "is_active"]
    exclude = ["model_text"]
