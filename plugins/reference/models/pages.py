"""The service's public pages: "Ask a librarian" and the knowledge base (answered questions,
made anonymous and edited by a librarian, translated with wagtail-localize, found by the site's
search), with the readers' "was this helpful?" votes."""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from plugins.opac.blocks import RecordBlock

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class AnswerBlock(blocks.StreamBlock):
    """What a knowledge-base answer is made of: text and the catalogue records it names."""

    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
    )
    record = RecordBlock()


class AskLibrarianPage(Page):
    """The "Ask a librarian" page of one language: what the service is, the question form, the
    live chat when a librarian is on duty, and the way into the knowledge base."""

    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = ["reference.KnowledgeBasePage"]
    max_count_per_parent = 1
    template = "reference/ask_librarian_page.html"

    class Meta:
        verbose_name = _("ask a librarian page")

    def get_context(self, request, *args, **kwargs) -> dict:
        # Imported here: the form's module imports these models.
        from plugins.reference.ask_page import ask_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(ask_page_context(self, request))
        return context


class KnowledgeBasePage(Page):
    """The questions readers asked and librarians answered, by topic, searchable."""

    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["core.HomePage", "reference.AskLibrarianPage"]
    subpage_types = ["reference.FaqEntryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("knowledge base")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from plugins.reference.knowledge_pages import base_context

        context = super().get_context(request, *args, **kwargs)
        context.update(base_context(self, request))
        return context


class FaqEntryPage(Page):
    """One answered question, public: the title is the question as readers would ask it."""

    question = models.TextField(
        _("question"),
        blank=True,
        help_text=_("The question in full, with nothing that names the reader."),
    )
    answer = StreamField(AnswerBlock(), verbose_name=_("answer"))
    topic = models.ForeignKey(
        "reference.Topic",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="faq_entries",
        verbose_name=_("topic"),
    )
    # The thread it came from, for librarians; never shown on the public page.
    source_question = models.ForeignKey(
        "reference.Question",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="faq_entries",
        verbose_name=_("asked in"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("topic"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("question"),
        index.SearchField("answer"),
        index.FilterField("topic"),
    ]
    parent_page_types = ["reference.KnowledgeBasePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("knowledge base entry")
        verbose_name_plural = _("knowledge base entries")

    def biblio_ids(self) -> list[int]:
        """The catalogue records the answer names, in order, each once."""
        return list(
            dict.fromkeys(
                block.value["biblio_id"]
                for block in self.answer
                if block.block_type == "record" and block.value["biblio_id"]
            )
        )

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from plugins.reference.knowledge_pages import entry_context

        context = super().get_context(request, *args, **kwargs)
        context.update(entry_context(self, request))
        return context


class FaqVote(models.Model):
    """One reader's "was this helpful?" on one entry (in the language they read it in)."""

    entry = models.ForeignKey(
        FaqEntryPage, on_delete=models.CASCADE, related_name="votes", verbose_name=_("entry")
    )
    helpful = models.BooleanField(_("helpful"))
    created_at = models.DateTimeField(_("voted at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("helpfulness vote")
        verbose_name_plural = _("helpfulness votes")
        indexes = [models.Index(fields=["entry", "helpful"], name="reference_vote_entry")]

    def __str__(self) -> str:
        return f"{self.entry_id}: {'+' if self.helpful else '-'}"
