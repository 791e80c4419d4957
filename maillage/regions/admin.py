from django.contrib import admin

from maillage.core.admin import ProgramAdmin
from maillage.regions.models import ChamberOfCommerce, Municipality, Region


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
