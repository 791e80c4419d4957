from django.contrib import admin

from maillage.core.admin import ProgramAdmin
from maillage.regions.models import (
    ChamberOfCommerce,
    Municipality,
    Region,
    RegionFigure,
    RegionProfile,
    RegionService,
    RegionVideo,
)


@admin.register(Region)
class RegionAdmin(ProgramAdmin):
    list_display = ["code", "name", "is_served"]


@admin.register(Municipality)
class MunicipalityAdmin(ProgramAdmin):
    list_display = ["code", "name", "kind", "region", "population", "latitude", "longitude"]
    list_filter = ["region"]
    search_fields = ["name", "code"]


@admin.register(ChamberOfCommerce)
class ChamberOfCommerceAdmin(ProgramAdmin):
    list_display = ["name", "region"]
    list_filter = ["region"]


@admin.register(RegionProfile)
class RegionProfileAdmin(ProgramAdmin):
    list_display = ["region", "updated_at"]


@admin.register(RegionFigure)
class RegionFigureAdmin(ProgramAdmin):
    list_display = ["region", "kind", "value", "source", "as_of", "is_demo"]
    list_filter = ["kind", "is_demo"]


@admin.register(RegionService)
class RegionServiceAdmin(ProgramAdmin):
    list_display = ["name", "category", "region"]
    list_filter = ["category", "region"]


@admin.register(RegionVideo)
class RegionVideoAdmin(ProgramAdmin):
    list_display = [
        "title_fr",
        "region",
        "container",
        "video_codec",
        "duration_seconds",
        "uploaded_at",
    ]
    list_filter = ["region"]
