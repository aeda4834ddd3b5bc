"""The catalogue record as a StreamField block, for the pages of other plugins (posts,
exhibitions): a record by its Koha biblio id, shown as a card with a caption of its own."""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from plugins.opac.cards import RecordCard, cards_of


class BiblioIdBlock(blocks.FieldBlock):
    """A Koha biblio id, chosen in the admin by searching the local catalogue; stored as the
    integer it always was, so pages read it without a query and old values stay valid."""

    def __init__(self, required: bool = True, help_text=None, **kwargs) -> None:
        self.field_options = {"required": required, "help_text": help_text, "min_value": 1}
        super().__init__(**kwargs)

    @cached_property
    def field(self) -> forms.IntegerField:
        from plugins.opac.record_chooser import record_chooser_viewset

        return forms.IntegerField(
            widget=record_chooser_viewset.widget_class(), **self.field_options
        )

    def to_python(self, value):
        return int(value) if value not in (None, "") else None

    def value_from_form(self, value):
        return value.pk if hasattr(value, "pk") else value

    def get_form_state(self, value):
        # The chooser shows the chosen record's title, as Wagtail's own chooser blocks do.
        return self.field.widget.get_value_data(value)

    class Meta:
        icon = "doc-full"


class RecordBlock(blocks.StructBlock):
    """A catalogue record: cover, title, author, the caption of this use, links to its page and
    to where its copies are ("Is it on the shelf?")."""

    biblio_id = BiblioIdBlock(label=_("Catalogue record"))
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
