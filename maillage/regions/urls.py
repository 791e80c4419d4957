from django.urls import path

from maillage.regions import views

app_name = "regions"
urlpatterns = [
    path("", views.region_list, name="region-list"),
    path("municipalities/options/", views.municipality_options, name="municipality-options"),
    path("videos/<uuid:public_id>/file", views.video_file, name="video-file"),
    path("videos/<uuid:public_id>/poster.jpg", views.video_poster, name="video-poster"),
    path(
        "videos/<uuid:public_id>/captions/<str:language>.vtt",
        views.video_caption,
        name="video-caption",
    ),
    path("<slug:slug>/", views.region_detail, name="region-detail"),
    path("<slug:slug>/map.json", views.region_map_data, name="region-map-data"),
    path("<slug:slug>/interest/", views.region_interest, name="region-interest"),
    path("<slug:slug>/manage/", views.region_manage, name="region-manage"),
    path("<slug:slug>/presentation/", views.region_presentation_edit, name="presentation-edit"),
    path("<slug:slug>/figures/<str:kind>/", views.region_figure_edit, name="figure-edit"),
    path(
        "<slug:slug>/figures/<str:kind>/delete/", views.region_figure_delete, name="figure-delete"
    ),
    path("<slug:slug>/services/new/", views.region_service_edit, name="service-create"),
    path("<slug:slug>/services/<int:pk>/", views.region_service_edit, name="service-edit"),
    path(
        "<slug:slug>/services/<int:pk>/delete/", views.region_service_delete, name="service-delete"
    ),
    path("<slug:slug>/videos/new/", views.region_video_upload, name="video-upload"),
    path("<slug:slug>/videos/<uuid:public_id>/", views.region_video_edit, name="video-edit"),
    path(
        "<slug:slug>/videos/<uuid:public_id>/captions/",
        views.video_caption_upload,
        name="caption-upload",
    ),
    path(
        "<slug:slug>/videos/<uuid:public_id>/delete/",
        views.region_video_delete,
        name="video-delete",
    ),
]
