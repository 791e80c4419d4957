from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_templated_mail(
    *,
    to: str,
    template: str,
    context: dict,
    language: str,
    attachments: list[list[str]] | None = None,
) -> None:
    context = {**context, "site_url": settings.SITE_URL}
    with translation.override(language):
        # One line whatever people typed (a posting title with CR/LF would make a header
        # injection error and lose the e-mail): every e-mail's subject is made here.
        lines = render_to_string(f"{template}_subject.txt", context).splitlines()
        subject = " ".join(line.strip() for line in lines if line.strip())
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to])
    message.attach_alternative(html, "text/html")
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    message.send()


@shared_task
def outbox_drain() -> dict:
    """Queue what the outbox could not send when it was written (the broker was away)."""
    from maillage.core.outbox import outbox_drain as drain

    sent, left = drain()
    return {"sent": sent, "left": left}


@shared_task
def orphan_files_sweep() -> int:
    """Remove uploaded files no record points to (a request killed mid-upload)."""
    from maillage.core.orphan_files import orphan_files_remove

    return len(orphan_files_remove())
