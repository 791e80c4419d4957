from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "maillage.matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        from maillage.candidates.signals import profile_changed
        from maillage.employers.signals import posting_changed
        from maillage.matching import receivers

        profile_changed.connect(
            receivers.rematch_candidate_later, dispatch_uid="matching-candidate"
        )
        posting_changed.connect(receivers.rematch_posting_later, dispatch_uid="matching-posting")
