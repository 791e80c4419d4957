from django.urls import path

from maillage.activities import views

app_name = "activities"
urlpatterns = [
    path("", views.activity_list, name="activity-list"),
    path("new/", views.activity_create, name="activity-create"),
    path("<uuid:public_id>/", views.activity_detail, name="activity-detail"),
    path("<uuid:public_id>/edit/", views.activity_edit, name="activity-edit"),
    path("<uuid:public_id>/manage/", views.activity_manage, name="activity-manage"),
    path("<uuid:public_id>/employer/register/", views.employer_register, name="employer-register"),
    path("<uuid:public_id>/employer/withdraw/", views.employer_withdraw, name="employer-withdraw"),
    path(
        "<uuid:public_id>/candidate/register/", views.candidate_register, name="candidate-register"
    ),
    path(
        "<uuid:public_id>/candidate/withdraw/", views.candidate_withdraw, name="candidate-withdraw"
    ),
    path(
        "<uuid:public_id>/invitation/<str:answer>/",
        views.invitation_answer,
        name="invitation-answer",
    ),
    path("<uuid:public_id>/invite/", views.candidate_invite, name="candidate-invite"),
    path("<uuid:public_id>/schedule/compute/", views.schedule_compute, name="schedule-compute"),
    path("<uuid:public_id>/schedule/", views.schedule_draft, name="schedule-draft"),
    path("<uuid:public_id>/schedule/publish/", views.schedule_publish, name="schedule-publish"),
    path("<uuid:public_id>/schedule/clear/", views.schedule_clear, name="schedule-clear"),
    path("<uuid:public_id>/decisions/", views.constraint_set, name="constraint-set"),
    path(
        "<uuid:public_id>/decisions/<int:pk>/remove/",
        views.constraint_remove,
        name="constraint-remove",
    ),
    path(
        "<uuid:public_id>/employers/<int:pk>/attendance/",
        views.attendance_record,
        name="attendance-record",
    ),
    path("<uuid:public_id>/complete/", views.activity_complete, name="activity-complete"),
    path("<uuid:public_id>/cancel/", views.activity_cancel, name="activity-cancel"),
    path("<uuid:public_id>/my-schedule/", views.my_schedule, name="my-schedule"),
    path("<uuid:public_id>/my-schedule.ics", views.my_schedule_ics, name="my-schedule-ics"),
    path("meetings/<int:pk>/check-in/", views.meeting_check_in, name="meeting-check-in"),
    path("meetings/<int:pk>/follow-up/", views.meeting_outcome, name="meeting-outcome"),
]
