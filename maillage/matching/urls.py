from django.urls import path

from maillage.matching import views

app_name = "matching"
urlpatterns = [
    path("my-matches/", views.my_matches, name="my-matches"),
    path("my-matches/doors/", views.my_doors, name="my-doors"),
    path("postings/<uuid:public_id>/pool/", views.posting_pool_section, name="posting-pool"),
    path("rematch-all/", views.rematch_all_page, name="rematch-all"),
]
