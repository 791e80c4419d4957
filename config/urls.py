from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from config.api import api
from maillage.site import views as site_views

# French pages live at /..., English ones at /en/...: a link switches between the two.
urlpatterns = [
    path("healthz", site_views.health, name="health"),
    path("api/v1/", api.urls),
]
urlpatterns += i18n_patterns(
    path("", include("maillage.site.urls")),
    path("accounts/", include("maillage.accounts.urls")),
    path("candidates/", include("maillage.candidates.urls")),
    path("employers/", include("maillage.employers.urls")),
    path("taxonomy/", include("maillage.taxonomy.urls")),
    path("regions/", include("maillage.regions.urls")),
    path("activities/", include("maillage.activities.urls")),
    path("notifications/", include("maillage.notifications.urls")),
    path("prequalification/", include("maillage.prequalification.urls")),
    path("households/", include("maillage.households.urls")),
    path("interviews/", include("maillage.interviews.urls")),
    path("api-tokens/", include("maillage.api.urls")),
    path("privacy/", include("maillage.privacy.urls")),
    path("fairness/", include("maillage.fairness.urls")),
    path("figures/", include("maillage.analytics.urls")),
    path("matching/", include("maillage.matching.urls")),
    # Old addresses of the team's posting pages, now one page per posting in prequalification.
    path(
        "matching/postings/",
        RedirectView.as_view(pattern_name="prequalification:posting-list", permanent=True),
    ),
    path(
        "matching/postings/<uuid:public_id>/",
        RedirectView.as_view(pattern_name="prequalification:posting-proposals", permanent=True),
    ),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

handler403 = "maillage.site.views.permission_denied"
handler404 = "maillage.site.views.page_not_found"
handler500 = "maillage.site.views.server_error"
