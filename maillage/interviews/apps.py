from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterviewsConfig(AppConfig):
    name = "maillage.interviews"
    verbose_name = _("Interviews and placements")

    def ready(self) -> None:
        from maillage.interviews.notices import MESSAGES
        from maillage.notifications.catalog import notification_messages_register

        notification_messages_register(MESSAGES)

        from maillage.interviews.services.changes import interviews_cancel_on_withdrawal
        from maillage.prequalification.signals import consent_withdrawn

        consent_withdrawn.connect(
            interviews_cancel_on_withdrawal, dispatch_uid="interviews-cancel-on-withdrawal"
        )
