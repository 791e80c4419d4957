from django.urls import path

from maillage.analytics import views

app_name = "analytics"
urlpatterns = [
    path("", views.public, name="public"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/export.<str:kind>", views.export, name="export"),
]
