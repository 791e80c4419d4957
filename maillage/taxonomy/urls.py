from django.urls import path

from maillage.taxonomy import views

app_name = "taxonomy"
urlpatterns = [
    path("noc/options/", views.noc_options, name="noc-options"),
    path("noc/suggestions/", views.noc_suggestions_view, name="noc-suggestions"),
    path("permits/options/", views.permit_options, name="permit-options"),
    path("skills/suggestions/", views.skill_suggestions_view, name="skill-suggestions"),
]
