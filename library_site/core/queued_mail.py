"""Django's e-mail backend for the whole site: with a job queue (REDIS_URL) every message is
handed to a job that sends it, so a slow or unreachable SMTP server never holds up a page, and
a message the server refused for now is tried again (``plugins.opac.jobs.RETRY_SECONDS``).
Without one, messages go out at once, as Django sends them.

The backend that really sends is ``EMAIL_DELIVERY_BACKEND``, the one ``EMAIL_URL`` names.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend

from plugins.opac.jobs import later_with_retries, queued


class QueuedEmailBackend(BaseEmailBackend):
    """Queues each message as a job of its own (a retry never sends another message twice)."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        messages = [_detached(message) for message in email_messages if message.recipients()]
        if not queued():
            connection = get_connection(
                settings.EMAIL_DELIVERY_BACKEND, fail_silently=self.fail_silently
            )
            return connection.send_messages(messages) or 0
        for message in messages:
            later_with_retries(deliver, message)
        return len(messages)


def deliver(message: EmailMessage) -> None:
    """The job: send one message; an error fails the job, so the queue tries again."""
    get_connection(settings.EMAIL_DELIVERY_BACKEND).send_messages([message])


def _detached(message: EmailMessage) -> EmailMessage:
    """The message without the connection it was given, which is this backend: the job opens
    the delivering one."""
    message = copy.copy(message)
    message.connection = None
    return message
