from django.urls import path

from maillage.households import views

app_name = "households"
urlpatterns = [
    path("mine/", views.mine, name="mine"),
    path("mine/invite/", views.invite, name="invite"),
    path("links/<uuid:public_id>/answer/", views.answer, name="answer"),
    path("links/<uuid:public_id>/end/", views.end, name="end"),
    path("links/<uuid:public_id>/share-search/", views.share_search, name="share-search"),
]
