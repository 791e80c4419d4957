from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrequalificationConfig(AppConfig):
    name = "maillage.prequalification"
    verbose_name = _("Prequalification")

    def ready(self) -> None:
        from maillage.notifications.catalog import notification_messages_register
        from maillage.prequalification.notices import MESSAGES

        notification_messages_register(MESSAGES)

        from maillage.matching.signals import matches_stored
        from maillage.prequalification.receivers import top_up_after_rematch

        matches_stored.connect(top_up_after_rematch, dispatch_uid="prequalification-top-up")
