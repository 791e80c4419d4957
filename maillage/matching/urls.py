from django.urls import path

from maillage.matching import views

app_name = "matching"
urlpatterns = [
    path("my-matches/", views.my_matches, name="my-matches"),
]
