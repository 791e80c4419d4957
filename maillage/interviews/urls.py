from django.urls import path

from maillage.interviews.views import follow_ups, interviews

app_name = "interviews"
urlpatterns = [
    path("", interviews.interview_list, name="list"),
    path("invite/<uuid:public_id>/", interviews.invite, name="invite"),
    path("<uuid:public_id>/", interviews.detail, name="detail"),
    path("<uuid:public_id>/pick/", interviews.pick, name="pick"),
    path("<uuid:public_id>/other-times/", interviews.other_slots, name="other-slots"),
    path("<uuid:public_id>/times/", interviews.slots, name="slots"),
    path("<uuid:public_id>/reschedule/", interviews.reschedule, name="reschedule"),
    path("<uuid:public_id>/cancel/", interviews.cancel, name="cancel"),
    path("<uuid:public_id>/outcome/", interviews.outcome, name="outcome"),
    path("<uuid:public_id>/calendar.ics", interviews.calendar_file, name="calendar"),
    path("follow-ups/", follow_ups.follow_up_list, name="follow-up-list"),
    path("follow-ups/<int:pk>/", follow_ups.follow_up_record, name="follow-up-record"),
]
