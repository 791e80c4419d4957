from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "maillage.accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from maillage.accounts.receivers import log_admin_views
        from maillage.core.signals import person_records_viewed

        person_records_viewed.connect(log_admin_views, dispatch_uid="accounts-admin-views")
