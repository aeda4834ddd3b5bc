"""What an event page's body is made of: text, pictures, and players of other sites."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class EventBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
    )
    image = ImageBlock(label=_("Image"))
    embed = EmbedBlock(label=_("Embedded media"), template="blocks/embed_block.html")
