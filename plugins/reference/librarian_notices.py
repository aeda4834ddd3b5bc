"""E-mail to the librarians when a question arrives (to every librarian with an address and to
REFERENCE_NOTIFY_EMAIL), a reader replies (to the librarian it is assigned to, else to all) or a
colleague assigns a question to a librarian (to that librarian); each in the librarian's own
admin language, with a link to the question's admin page. Sent by a job after the request
(django-rq where configured)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from plugins.opac.jobs import later
from plugins.reference import signals
from plugins.reference.librarians import librarians
from plugins.reference.models import Message, Question

log = logging.getLogger(__name__)

ASKED, REPLIED, ASSIGNED = "asked", "replied", "assigned"


@dataclass(frozen=True)
class Recipient:
    address: str
    language: str


def _admin_language(user) -> str:
    profile = getattr(user, "wagtail_userprofile", None)
    return (profile and profile.preferred_language) or settings.LANGUAGE_CODE


def _as_recipients(users) -> list[Recipient]:
    users = users.exclude(email="").select_related("wagtail_userprofile")
    return [Recipient(user.email, _admin_language(user)) for user in users]


def _shared_mailbox() -> list[Recipient]:
    address = settings.REFERENCE_NOTIFY_EMAIL
    return [Recipient(address, settings.LANGUAGE_CODE)] if address else []


def recipients(question: Question, event: str) -> list[Recipient]:
    """Who hears of ``event`` on ``question``: each address once."""
    everyone = librarians()
    if event == ASSIGNED:  # to its librarian only, whoever holds it when the job runs
        return _as_recipients(everyone.filter(pk=question.assigned_to_id))
    chosen = []
    if event == REPLIED and question.assigned_to_id is not None:
        chosen = _as_recipients(everyone.filter(pk=question.assigned_to_id))
    if not chosen:  # a new question, nobody's, or its librarian cannot be written to
        chosen = _as_recipients(everyone) + _shared_mailbox()
    unique: dict[str, Recipient] = {}
    for recipient in chosen:
        unique.setdefault(recipient.address.lower(), recipient)
    return list(unique.values())


def notify(question_pk: int, event: str, message_pk: int | None = None) -> None:
    """The job: mail the librarians about ``event`` (ASKED, REPLIED, ASSIGNED) on the question."""
    question = Question.objects.filter(pk=question_pk).first()
    if question is None or not question.confirmed:
        return
    message = Message.objects.filter(pk=message_pk).first() if message_pk else None
    link = settings.WAGTAILADMIN_BASE_URL + reverse("reference_question", args=[question.pk])
    for recipient in recipients(question, event):
        with translation.override(recipient.language):
            context = {"question": question, "message": message, "link": link, "event": event}
            subject = render_to_string("reference/mail/librarian_subject.txt", context)
            body = render_to_string("reference/mail/librarian_notice.txt", context)
        send_mail(" ".join(subject.split()), body, None, [recipient.address])
    log.info("reference notice event=%s question=%s", event, question.pk)


def _on_asked(sender, question: Question, **details) -> None:
    # A chat waits in the console of the librarians on duty, who see it arrive.
    if question.source != Question.Source.CHAT:
        later(notify, question.pk, ASKED)


def _on_reply(sender, question: Question, message: Message, **details) -> None:
    if not message.via_chat:  # a chat line reaches its librarian in the console
        later(notify, question.pk, REPLIED, message.pk)


def _on_assigned(sender, question: Question, librarian, by=None, **details) -> None:
    # Taking a question oneself (in the queue or the chat console) needs no notice.
    if librarian is not None and (by is None or by.pk != librarian.pk):
        later(notify, question.pk, ASSIGNED)


def connect() -> None:
    """Called once from the app's ready()."""
    signals.question_asked.connect(_on_asked, dispatch_uid="reference_notice_asked")
    signals.reply_received.connect(_on_reply, dispatch_uid="reference_notice_reply")
    signals.question_assigned.connect(_on_assigned, dispatch_uid="reference_notice_assigned")
