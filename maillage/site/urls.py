from django.urls import path

from maillage.site import views

app_name = "site"
urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("team/", views.team_home, name="team-home"),
    path("data-sources/", views.about_data, name="about-data"),
]
