"""The receipt by e-mail: smtplib in a worker thread, the wording from an injected renderer."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Callable
from email.message import EmailMessage

from rfid_sip2.station.config import Smtp
from rfid_sip2.station.control import Screen

# The kiosk's rfid_sip2.station.kiosk.receipt.render_receipt: (screen, language) -> (subject, body)
RenderReceipt = Callable[[Screen, str], tuple[str, str]]
SMTP_TIMEOUT = 10.0


class MailFailed(Exception):
    """The message was not handed to the SMTP server; the text says why (never the address)."""


def compose(smtp: Smtp, recipient: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = smtp.sender
    message["To"] = recipient
    message["Subject"] = subject
    message.set_content(body)
    return message


def send(smtp: Smtp, message: EmailMessage) -> None:
    """Hand ``message`` to the server (blocking: run it in a thread)."""
    try:
        if smtp.scheme == "smtps":
            client = smtplib.SMTP_SSL(
                smtp.host, smtp.port, timeout=SMTP_TIMEOUT, context=ssl.create_default_context()
            )
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=SMTP_TIMEOUT)
        with client:
            if smtp.scheme == "smtp+starttls":
                client.starttls(context=ssl.create_default_context())
            if smtp.user:
                client.login(smtp.user, smtp.password)
            client.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        raise MailFailed(f"{smtp.host}:{smtp.port}: {error.__class__.__name__}") from None
