from django.urls import path

from maillage.fairness import views

app_name = "fairness"
urlpatterns = [
    path("declaration/", views.declaration, name="declaration"),
    path("declaration/delete/", views.declaration_delete, name="declaration-delete"),
    path("audit/", views.audit, name="audit"),
    path("audit/report.md", views.audit_download, name="audit-download"),
]
