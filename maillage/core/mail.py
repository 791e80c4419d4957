"""E-mail in the recipient's language, rendered and sent by a task once the transaction commits
(through the outbox: an e-mail asked while the broker is away is sent when it is back)."""

from maillage.core.outbox import outbox_send_later


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
    outbox_send_later(
        "maillage.core.tasks.send_templated_mail",
        to=to,
        template=template,
        context=context,
        language=language,
        attachments=[list(attachment) for attachment in attachments or []],
    )
