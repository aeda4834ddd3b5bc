"""Blocks of a blog post's stream: text, and catalogue records shown as cards."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from plugins.opac.cards import cards_of


class RecordBlock(blocks.StructBlock):
    """A catalogue record by its Koha biblio id: cover, title, author, a link to its page."""

    biblio_id = blocks.IntegerBlock(label=_("Koha biblio id"), min_value=1)
    note = blocks.CharBlock(label=_("Note"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Catalogue record")
        template = "blog/blocks/record.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # A post's page reads all its records' cards at once (``record_cards``); elsewhere a
        # block reads its own.
        known = (parent_context or {}).get("record_cards")
        if known is None:
            cards = cards_of([value["biblio_id"]])
            context["card"] = cards[0] if cards else None
        else:
            context["card"] = known.get(value["biblio_id"])
        return context


class EntryStreamBlock(blocks.StreamBlock):
    """What follows a post's body: paragraphs and embedded catalogue records."""

    paragraph = blocks.RichTextBlock(label=_("Paragraph"))
    record = RecordBlock()
