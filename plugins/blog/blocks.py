"""Blocks of a blog post's stream: text, and catalogue records (the catalogue's block, shown in
the blog's own style)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from plugins.opac.blocks import RecordBlock


class EntryStreamBlock(blocks.StreamBlock):
    """What follows a post's body: paragraphs and embedded catalogue records."""

    paragraph = blocks.RichTextBlock(label=_("Paragraph"))
    record = RecordBlock(template="blog/blocks/record.html")
