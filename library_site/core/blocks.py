"""The StreamField blocks every content page shares."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = [
    "bold",
    "italic",
    "link",
    "document-link",
    "ol",
    "ul",
    "superscript",
    "subscript",
]


class HeadingBlock(blocks.StructBlock):
    """A section heading; the page title is the only h1."""

    text = blocks.CharBlock(label=_("Heading"), form_classname="title")
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)")), ("h4", _("Minor (h4)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image with the text alternative, caption and credit a library must give."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_(
            "What the image shows, for people who cannot see it. Leave empty if decorative."
        ),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False)
    attribution = blocks.CharBlock(
        label=_("Attribution"),
        required=False,
        help_text=_("Author, source and licence, e.g. 'Photo: I. Petrenko, CC BY 4.0'."),
    )

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"


class QuoteBlock(blocks.StructBlock):
    """A quotation and who said or wrote it."""

    text = blocks.TextBlock(label=_("Quotation"))
    source = blocks.CharBlock(label=_("Source"), required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """Headings, paragraphs, images, quotations and embedded media."""

    heading = HeadingBlock(label=_("Heading"))
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
    )
    image = CaptionedImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quotation"))
    embed = EmbedBlock(
        label=_("Embedded media"),
        help_text=_("A link to a video, audio or post, e.g. https://www.youtube.com/watch?v=..."),
        icon="media",
        template="blocks/embed_block.html",
    )
