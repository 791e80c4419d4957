"""Every e-mail's subject is one line, whatever the people involved typed."""

from django.core import mail

from maillage.core.tasks import send_templated_mail


def test_a_title_with_line_breaks_still_sends_the_mail_on_one_line(settings):
    send_templated_mail(
        to="marc@example.org",
        template="prequalification/email/shortlisted",
        context={
            "full_name": "Marc",
            "posting": "Soudeur\r\nBcc: x@example.org",
            "action_path": "/",
        },
        language="fr",
    )
    (message,) = mail.outbox
    assert "\n" not in message.subject and "\r" not in message.subject
    assert "Soudeur Bcc: x@example.org" in message.subject
    assert message.bcc == []
