from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from config.api import api
from maillage.core import views as core_views

# French pages live at /..., English ones at /en/...: a link switches between the two.
urlpatterns = [
    path("healthz", core_views.health, name="health"),
    path("api/v1/", api.urls),
]
urlpatterns += i18n_patterns(
    path("", include("maillage.core.urls")),
    path("accounts/", include("maillage.accounts.urls")),
    path("candidates/", include("maillage.candidates.urls")),
    path("employers/", include("maillage.employers.urls")),
    path("taxonomy/", include("maillage.taxonomy.urls")),
    path("regions/", include("maillage.regions.urls")),
    path("activities/", include("maillage.activities.urls")),
    path("notifications/", include("maillage.notifications.urls")),
    path("prequalification/", include("maillage.prequalification.urls")),
    path("interviews/", include("maillage.interviews.urls")),
    path("api-tokens/", include("maillage.api.urls")),
    path("privacy/", include("maillage.privacy.urls")),
    path("fairness/", include("maillage.fairness.urls")),
    path("figures/", include("maillage.analytics.urls")),
    path("matching/", include("maillage.matching.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

handler403 = "maillage.core.views.permission_denied"
handler404 = "maillage.core.views.page_not_found"
handler500 = "maillage.core.views.server_error"
