"""The reader's e-mail about their question, in the question's language: the link that
confirms an anonymous asker's address, the acknowledgement, and each answer.

Links are full addresses on django.contrib.sites' site (as the comments' mail has them) under
the question's language prefix. Addresses are never logged.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.sites.models import Site
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from plugins.comments.templatetags.library_comments import site_address
from plugins.opac.jobs import later
from plugins.opac.record_urls import record_url
from plugins.reference.models import Message, Question

log = logging.getLogger(__name__)


def answer_time() -> str:
    """How soon a librarian usually answers, from the later of REFERENCE_SLA_HOURS."""
    hours = settings.REFERENCE_SLA_HOURS[-1]
    if hours % 24 == 0:
        days = hours // 24
        return ngettext(
            "usually within %(count)d working day",
            "usually within %(count)d working days",
            days,
        ) % {"count": days}
    return ngettext("usually within %(count)d hour", "usually within %(count)d hours", hours) % {
        "count": hours
    }


def full_url(path: str) -> str:
    return site_address(Site.objects.get_current()) + path


def thread_url(question: Question) -> str:
    """The thread's full address, in the language active (the question's, in these mails)."""
    return full_url(reverse("reference:thread", args=[question.access_key]))


def _send(question: Question, template: str, kind: str, **context) -> None:
    if not question.reply_address:
        return
    with translation.override(question.language):
        context = {
            "question": question,
            "thread_url": thread_url(question),
            "site": Site.objects.get_current(),
            **context,
        }
        subject = render_to_string(f"reference/mail/{template}_subject.txt", context)
        body = render_to_string(f"reference/mail/{template}_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [question.reply_address])
    log.info("reference mail=%s question=%s", kind, question.pk)


def send_confirmation(question: Question) -> None:
    """To an anonymous asker: the link that shows the address is theirs."""
    with translation.override(question.language):
        confirm_url = full_url(reverse("reference:confirm", args=[question.access_key]))
    _send(question, "confirm", "confirmation", confirm_url=confirm_url)


def send_acknowledgement(question: Question) -> None:
    """The question has reached the librarians: what was asked and when to expect an answer."""
    with translation.override(question.language):
        when = answer_time()
    _send(question, "acknowledgement", "acknowledgement", answer_time=when)


def send_answer(question: Question, message: Message) -> None:
    """A librarian's answer, with the records it names and the way to rate the service."""
    records = [
        (record.title, full_url(record_url(record.pk, record.title, question.language)))
        for record in message.records.all()
    ]
    _send(question, "answer", "answer", message=message, records=records)


# Jobs for plugins.opac.jobs.later (django-rq where configured): sent after the request, by id,
# and skipped when the thread was deleted in between.


def confirmation_job(question_id: int) -> None:
    for question in Question.objects.filter(pk=question_id):
        send_confirmation(question)


def acknowledgement_job(question_id: int) -> None:
    for question in Question.objects.filter(pk=question_id):
        send_acknowledgement(question)


def answer_job(message_id: int) -> None:
    for message in Message.objects.filter(pk=message_id).select_related("question"):
        send_answer(message.question, message)


def on_question_asked(sender, question: Question, **details) -> None:
    # A chat is answered while the reader is there; its end shows the thread's link.
    if question.source != Question.Source.CHAT:
        later(acknowledgement_job, question.pk)


def on_answer_given(sender, question: Question, message: Message, **details) -> None:
    # A chat's lines reach the reader in the chat itself; the thread keeps them.
    if not message.via_chat:
        later(answer_job, message.pk)
