from django.urls import path

from maillage.privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.center, name="center"),
    path("export/", views.export, name="export"),
    path("consents/<int:pk>/withdraw/", views.consent_withdraw, name="consent-withdraw"),
    path("delete/", views.account_delete, name="account-delete"),
]
