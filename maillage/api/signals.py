"""A password change revokes the person's API tokens, whatever the path that changed it
(password change, reset, admin, shell): every one goes through `set_password` and `save`."""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from maillage.api import services


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="api_tokens_revoke_on_password")
def api_tokens_revoke_on_password_change(sender, instance, created: bool, **kwargs) -> None:
    # AbstractBaseUser keeps the new raw password in `_password` until the save storing it returns.
    if not created and getattr(instance, "_password", None) is not None:
        services.api_tokens_revoke_all(user=instance)
