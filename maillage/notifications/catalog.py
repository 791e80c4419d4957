"""The sentences notifications are made of, registered by the apps that send them.

A notification is stored as a message code and its parameters, never as text, so each reader sees
it in the language they read the site in. An app registers its sentences once (from its
AppConfig.ready) with `notification_messages_register({"code": _("… %(name)s …")})`.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

_MESSAGES: dict[str, Promise] = {}

UNKNOWN_MESSAGE = _("You have a new notification.")
# What a notification's parameter holds once the person it named deleted their account.
# (A marker no name can be; PostgreSQL refuses the NUL character in JSON.)
ERASED = "[[account-erased]]"
ERASED_PERSON = _("a person who deleted their account")


def notification_messages_register(messages: dict[str, Promise]) -> None:
    for code, sentence in messages.items():
        if code in _MESSAGES and _MESSAGES[code] is not sentence:
            raise ValueError(f"Notification code {code!r} is registered twice")
        _MESSAGES[code] = sentence


def notification_message_is_known(code: str) -> bool:
    return code in _MESSAGES


def notification_message_render(code: str, params: dict[str, str]) -> str:
    """The sentence in the active language; a code no app knows any more reads as a generic one."""
    sentence = _MESSAGES.get(code)
    if sentence is None:
        return str(UNKNOWN_MESSAGE)
    said = {key: str(ERASED_PERSON) if value == ERASED else value for key, value in params.items()}
    return str(sentence) % said
