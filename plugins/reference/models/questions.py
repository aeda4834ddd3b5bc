"""A reader's question and its thread: the librarians' answers, the reader's replies, the
librarians' internal notes and chat lines, all in one place."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

QUESTION_MAX_LENGTH = 4000  # a page of text; longer input gets a clear message
MESSAGE_MAX_LENGTH = 8000  # answers quote and link; a reader's reply is held to QUESTION_MAX_LENGTH


def new_access_key() -> str:
    return secrets.token_urlsafe(32)


class Topic(TranslatableMixin, models.Model):
    """What a question is about (opening hours, local history, databases...): groups the
    knowledge base and the monthly report. A snippet translated with wagtail-localize."""

    name = models.CharField(_("name"), max_length=100)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=100)

    panels = [FieldPanel("name"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class CannedAnswer(TranslatableMixin, index.Indexed, models.Model):
    """A reply librarians give often, in each language: the answer form offers the one in the
    question's language."""

    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=MESSAGE_MAX_LENGTH)

    panels = [FieldPanel("title"), FieldPanel("body")]
    search_fields = [index.SearchField("title"), index.SearchField("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("canned answer")
        verbose_name_plural = _("canned answers")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    """One reader's question and everything said about it since (``messages``).

    A signed-in reader owns it through ``reader``; an anonymous asker through ``email`` and the
    secret ``access_key`` in the links mailed to them, once ``confirmed_at`` says the address
    is theirs. The address is never shown on a public page.
    """

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        WAITING = "waiting", _("Waiting for the reader")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    class Source(models.TextChoices):
        FORM = "form", _("Question form")
        CHAT = "chat", _("Live chat")

    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,  # a deleted account takes its questions with it
        related_name="reference_questions",
        verbose_name=_("reader"),
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(_("language"), max_length=7)
    body = models.TextField(_("question"), max_length=QUESTION_MAX_LENGTH)
    record = models.ForeignKey(
        "opac.CatalogueRecord",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("catalogue record"),
    )
    topic = models.ForeignKey(
        Topic,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
        verbose_name=_("topic"),
    )
    consent_to_publish = models.BooleanField(
        _("the answer may be published without the reader's name"), default=False
    )
    source = models.CharField(
        _("asked through"), max_length=8, choices=Source.choices, default=Source.FORM
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reference_assignments",
        verbose_name=_("librarian"),
    )
    access_key = models.CharField(
        max_length=64, unique=True, default=new_access_key, editable=False
    )
    created_at = models.DateTimeField(_("asked at"), default=timezone.now, db_index=True)
    # None until an anonymous asker follows the link mailed to them; set at once for a reader.
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    first_answered_at = models.DateTimeField(_("first answered at"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    chat_ended_at = models.DateTimeField(_("chat ended at"), null=True, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="reference_queue"),
            models.Index(fields=["reader", "-last_activity_at"], name="reference_reader"),
        ]
        permissions = [
            ("answer_question", _("Can answer readers' questions")),
            ("view_reference_report", _("Can view the reference service report")),
        ]

    def __str__(self) -> str:
        return self.summary

    @property
    def summary(self) -> str:
        """The question's first line, cut short, as lists show it."""
        first = self.body.strip().splitlines()[0] if self.body.strip() else ""
        return first if len(first) <= 80 else first[:79].rstrip() + "…"

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def reply_address(self) -> str:
        """Where mail about this thread goes: the account's address, or the one given."""
        if self.reader_id is not None and self.reader.email:
            return self.reader.email
        return self.email


class Message(models.Model):
    """One thing said in a thread after the question: a librarian's answer, the reader's
    reply, a librarian's internal note (never shown to the reader) or a chat line."""

    class Kind(models.TextChoices):
        ANSWER = "answer", _("Librarian's answer")
        REPLY = "reply", _("Reader's reply")
        NOTE = "note", _("Internal note")

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="messages", verbose_name=_("question")
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    body = models.TextField(_("text"), max_length=MESSAGE_MAX_LENGTH)
    # Catalogue records the answer points to, shown as cards under it and linked in the e-mail.
    records = models.ManyToManyField(
        "opac.CatalogueRecord", blank=True, related_name="+", verbose_name=_("catalogue records")
    )
    via_chat = models.BooleanField(_("said in the live chat"), default=False)
    created_at = models.DateTimeField(_("written at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def public(self) -> bool:
        """Whether the reader sees it in their thread."""
        return self.kind != self.Kind.NOTE
