from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The program as a whole: home pages, menu, demo data and loading commands. The top layer:
    it may import every app, and no app imports it."""

    name = "maillage.site"
    label = "site"
    verbose_name = _("Program")
