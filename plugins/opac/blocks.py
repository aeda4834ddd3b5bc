"""The catalogue record as a StreamField block, for the pages of other plugins (posts,
exhibitions): a record by its Koha biblio id, shown as a card with a caption of its own."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from plugins.opac.cards import RecordCard, cards_of


class RecordBlock(blocks.StructBlock):
    """A catalogue record: cover, title, author, the caption of this use, links to its page and
    to where its copies are ("Is it on the shelf?")."""

    biblio_id = blocks.IntegerBlock(label=_("Koha biblio id"), min_value=1)
    note = blocks.CharBlock(
        label=_("Caption"),
        required=False,
        max_length=300,
        help_text=_("Why the book is here: said on this page only."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Catalogue record")
        template = "opac/blocks/record.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # A page that embeds records reads all their cards at once (``record_cards``, by biblio
        # id); elsewhere a block reads its own.
        known = (parent_context or {}).get("record_cards")
        if known is None:
            cards = cards_of([value["biblio_id"]])
            context["card"] = cards[0] if cards else None
        else:
            context["card"] = known.get(value["biblio_id"])
        return context


def cards_by_id(biblio_ids: Iterable[int]) -> dict[int, RecordCard]:
    """The cards of these records by biblio id, for ``record_cards``: one query."""
    wanted = list(dict.fromkeys(biblio_ids))
    return {card.record.biblio_id: card for card in cards_of(wanted)} if wanted else {}
