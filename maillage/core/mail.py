"""E-mail in the recipient's language, rendered and sent by a task once the transaction commits."""

from django.db import transaction


def mail_send_later(
    *,
    to: str,
    template: str,
    context: dict,
    language: str,
    attachments: list[tuple[str, str, str]] | None = None,
) -> None:
    """Queue `<template>_subject.txt`, `<template>.txt` and `<template>.html` for `to`.

    The context must hold plain values (strings, numbers): it travels through the task queue.
    `attachments` are (file name, text content, MIME type), for example a calendar invitation.
    """
    from maillage.core.tasks import send_templated_mail

    transaction.on_commit(
        lambda: send_templated_mail.delay(
            to=to,
            template=template,
            context=context,
            language=language,
            attachments=attachments or [],
        )
    )
