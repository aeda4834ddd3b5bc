"""What a tour is made of: stops, each an image with hotspots placed on it in percent.

A hotspot links to exactly one thing: a catalogue record (its Koha biblio id), a page of the
site (an exhibition, an event...) or an address elsewhere.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from plugins.opac.blocks import BiblioIdBlock

LINK_FIELDS = ("record", "page", "url")


class PercentBlock(blocks.FloatBlock):
    """A position along one side of the image: 0 is the left (or top) edge, 100 the other."""

    def __init__(self, **kwargs) -> None:
        super().__init__(min_value=0, max_value=100, **kwargs)


class HotspotBlock(blocks.StructBlock):
    """A spot on the stop's image: a caption and one link."""

    caption = blocks.CharBlock(label=_("Caption"), max_length=200)
    x = PercentBlock(
        label=_("Across (%)"),
        help_text=_("From the left edge: 0 to 100. Or click the image to place it."),
    )
    y = PercentBlock(
        label=_("Down (%)"),
        help_text=_("From the top edge: 0 to 100."),
    )
    record = BiblioIdBlock(label=_("Catalogue record"), required=False)
    page = blocks.PageChooserBlock(label=_("Page of the site"), required=False)
    url = blocks.URLBlock(label=_("Address elsewhere"), required=False)

    class Meta:
        icon = "pick"
        label = _("Hotspot")
        form_classname = "struct-block tour-hotspot-block"

    def clean(self, value):
        value = super().clean(value)
        chosen = [name for name in LINK_FIELDS if value.get(name)]
        if len(chosen) != 1:
            message = _("Give exactly one link: a catalogue record, a page or an address.")
            raise StructBlockValidationError(non_block_errors=[ValidationError(message)])
        return value


class StopBlock(blocks.StructBlock):
    """A stop of the tour: a room, a shelf or an object, shown in one picture."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul", "ol"])
    image = ImageChooserBlock(
        label=_("Image"),
        help_text=_(
            "Click the picture to place the hotspot you are editing there (or the last one)."
        ),
    )
    alt = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    panorama = blocks.BooleanBlock(
        label=_("Panorama"),
        required=False,
        help_text=_("A wide picture readers pan across (drag, or the arrow keys)."),
    )
    hotspots = blocks.ListBlock(HotspotBlock(), label=_("Hotspots"))

    class Meta:
        icon = "image"
        label = _("Stop")
        form_classname = "struct-block tour-stop-block"


class TourStopsBlock(blocks.StreamBlock):
    stop = StopBlock()

    class Meta:
        min_num = 1
