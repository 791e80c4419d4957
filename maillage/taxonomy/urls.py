from django.urls import path

from maillage.taxonomy import views

app_name = "taxonomy"
urlpatterns = [
    path("noc/options/", views.noc_options, name="noc-options"),
]
