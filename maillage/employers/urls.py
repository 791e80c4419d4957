from django.urls import path

from maillage.employers import views

app_name = "employers"
urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("company/", views.company, name="company"),
    path("company/edit/", views.company_edit, name="company-edit"),
    path("company/invitations/", views.invitation_send, name="invitation-send"),
    path("invitations/<uuid:token>/", views.invitation_accept, name="invitation-accept"),
    path("postings/", views.posting_list, name="posting-list"),
    path("postings/new/", views.posting_create, name="posting-create"),
    path("postings/<uuid:public_id>/", views.posting_detail, name="posting-detail"),
    path("postings/<uuid:public_id>/edit/", views.posting_edit, name="posting-edit"),
    path(
        "postings/<uuid:public_id>/<slug:action>/",
        views.posting_transition,
        name="posting-transition",
    ),
    path("verification/", views.verification_queue, name="verification-queue"),
    path("companies/<uuid:public_id>/", views.company_review, name="company-review"),
    path("companies/<uuid:public_id>/decide/", views.company_decide, name="company-decide"),
]
