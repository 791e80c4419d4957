from django.urls import path

from maillage.regions import views

app_name = "regions"
urlpatterns = [
    path("", views.region_list, name="region-list"),
    path("municipalities/options/", views.municipality_options, name="municipality-options"),
    path("<slug:slug>/", views.region_detail, name="region-detail"),
]
