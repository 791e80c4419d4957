from django.urls import path

from maillage.api import views

app_name = "api-tokens"
urlpatterns = [
    path("", views.token_list, name="token-list"),
    path("<int:pk>/revoke/", views.token_revoke, name="token-revoke"),
]
