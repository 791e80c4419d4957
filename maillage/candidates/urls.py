from django.urls import path

from maillage.candidates import views
from maillage.candidates.cv_import import views as cv_views

app_name = "candidates"
urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("profile/", views.profile, name="profile"),
    path("profile/<slug:section>/edit/", views.profile_section_edit, name="section-edit"),
    path("profile/occupations/add/", views.occupation_add, name="occupation-add"),
    path(
        "profile/occupations/<str:code>/remove/", views.occupation_remove, name="occupation-remove"
    ),
    path("profile/skills/add/", views.skill_add, name="skill-add"),
    path("profile/permits/", views.permits_update, name="permits-update"),
    path("profile/skills/<int:pk>/remove/", views.skill_remove, name="skill-remove"),
    path("profile/skills/suggestions/", views.skill_suggestions_page, name="skill-suggestions"),
    path("profile/cv/", cv_views.cv_upload, name="cv-upload"),
    path("profile/cv/confirm/", cv_views.cv_confirm, name="cv-confirm"),
    path("profile/experiences/new/", views.experience_edit, name="experience-create"),
    path("profile/experiences/<int:pk>/edit/", views.experience_edit, name="experience-edit"),
    path("profile/experiences/<int:pk>/delete/", views.experience_delete, name="experience-delete"),
    path("profile/education/new/", views.education_edit, name="education-create"),
    path("profile/education/<int:pk>/edit/", views.education_edit, name="education-edit"),
    path("profile/education/<int:pk>/delete/", views.education_delete, name="education-delete"),
    path("profile/documents/new/", views.document_upload, name="document-upload"),
    path("documents/<int:pk>/", views.document_download, name="document-download"),
    path("verification/", views.verification_queue, name="verification-queue"),
    path("<uuid:public_id>/", views.candidate_review, name="review"),
    path("<uuid:public_id>/decide/", views.candidate_decide, name="decide"),
]
