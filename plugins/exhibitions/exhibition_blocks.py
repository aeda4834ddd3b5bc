"""The blocks of an exhibition's sections: catalogue items, images, a gallery, video, audio,
quotes, text, a timeline and a point on a map."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock, EmbedValue
from wagtail.images.blocks import ImageChooserBlock
from wagtailmedia.blocks import AudioChooserBlock, VideoChooserBlock

from plugins.opac.blocks import RecordBlock

YEAR_OR_DATE = r"^[0-9]{1,4}(-[0-9]{2}-[0-9]{2})?$"
LANGUAGE_TAG = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"


class ImageBlock(blocks.StructBlock):
    """An image with its alt text, caption and who made it under which licence."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alt text"),
        max_length=300,
        help_text=_("What the image shows, for those who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)
    attribution = blocks.CharBlock(
        label=_("Attribution"), required=False, max_length=300, help_text=_("Who made it, source")
    )
    licence = blocks.CharBlock(
        label=_("Licence"), required=False, max_length=120, help_text=_("E.g. CC BY 4.0")
    )
    licence_url = blocks.URLBlock(label=_("Licence link"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "exhibitions/blocks/image.html"


class GalleryImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(label=_("Alt text"), max_length=300)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=500)


class GalleryBlock(blocks.StructBlock):
    """Thumbnails that open full-size in a lightbox (or as plain links without JavaScript)."""

    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    images = blocks.ListBlock(GalleryImageBlock(), label=_("Images"), min_num=1)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "exhibitions/blocks/gallery.html"


class OptionalEmbedBlock(EmbedBlock):
    """An embed that may be left empty, its empty value an ``EmbedValue`` with no URL rather than
    Wagtail's None: wagtail-localize reads ``.url`` of every embed it finds, and fails on None."""

    def to_python(self, value):
        return super().to_python(value) if value else EmbedValue("")

    def value_from_form(self, value):
        return super().value_from_form(value) if value else EmbedValue("")

    def get_default(self):
        return super().get_default() or EmbedValue("")

    def normalize(self, value):
        return super().normalize(value) or EmbedValue("")

    def get_prep_value(self, value):
        return value.url if value else ""

    def clean(self, value):
        if isinstance(value, EmbedValue) and not value.url:
            return value
        return super().clean(value)


class VideoBlock(blocks.StructBlock):
    """A video published elsewhere (embedded) or uploaded, with its captions as WebVTT."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    embed = OptionalEmbedBlock(
        label=_("Published at (link)"),
        required=False,
        help_text=_("A link to the video where it is published; or upload a file below."),
    )
    video = VideoChooserBlock(label=_("Uploaded video"), required=False)
    captions = DocumentChooserBlock(
        label=_("Captions (WebVTT file)"), required=False, help_text=_("For the uploaded video.")
    )
    captions_language = blocks.RegexBlock(
        regex=LANGUAGE_TAG,
        label=_("Language of the captions"),
        required=False,
        help_text=_("A language code: en, uk, ru, ro"),
        error_messages={"invalid": _("Enter a language code such as “uk”.")},
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "exhibitions/blocks/video.html"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value["embed"].url and not value.get("video"):
            errors["video"] = ValidationError(_("Give a link to the video or upload it."))
        if value.get("captions") and not value.get("captions_language"):
            errors["captions_language"] = ValidationError(
                _("Say which language the captions are in.")
            )
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value


class AudioBlock(blocks.StructBlock):
    """An uploaded recording with its transcript."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    audio = AudioChooserBlock(label=_("Recording"))
    transcript = blocks.RichTextBlock(
        label=_("Transcript"), features=["bold", "italic", "link", "ol", "ul"]
    )

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "exhibitions/blocks/audio.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    author = blocks.CharBlock(label=_("Who said or wrote it"), required=False, max_length=200)
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=300)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "exhibitions/blocks/quote.html"


class TimelineEntryValue(blocks.StructValue):
    def datetime_value(self) -> str:
        """For <time datetime>: the year as four digits, or the full date."""
        when = self["when"]
        return when if "-" in when else when.zfill(4)

    def display(self) -> str:
        when = self["when"]
        if "-" not in when:
            return str(int(when))
        return date_format(datetime.date.fromisoformat(when), "DATE_FORMAT")


class TimelineEntryBlock(blocks.StructBlock):
    when = blocks.RegexBlock(
        regex=YEAR_OR_DATE,
        label=_("Date"),
        help_text=_("A year (1840) or a full date (1840-04-18)"),
        error_messages={"invalid": _("Enter a year (1840) or a date (1840-04-18).")},
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.TextBlock(label=_("Text"), required=False)

    class Meta:
        value_class = TimelineEntryValue

    def clean(self, value):
        value = super().clean(value)
        if "-" in value["when"]:
            try:
                datetime.date.fromisoformat(value["when"])
            except ValueError:
                raise blocks.StructBlockValidationError(
                    block_errors={"when": ValidationError(_("No such date."))}
                ) from None
        return value


class TimelineBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    entries = blocks.ListBlock(TimelineEntryBlock(), label=_("Entries"), min_num=1)

    class Meta:
        icon = "date"
        label = _("Timeline")
        template = "exhibitions/blocks/timeline.html"


class MapPointValue(blocks.StructValue):
    def osm_url(self) -> str:
        lat, lon, zoom = self["latitude"], self["longitude"], self["zoom"]
        at = f"{lat:.5f}/{lon:.5f}"
        return f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map={zoom}/{at}"

    def coordinates(self) -> str:
        """Decimal degrees, latitude first (north and east positive): the same in every language."""
        return f"{self['latitude']:.5f}, {self['longitude']:.5f}"


class MapPointBlock(blocks.StructBlock):
    """A place as a link to OpenStreetMap: the page itself loads no map from anyone."""

    label = blocks.CharBlock(label=_("Place"), max_length=200)
    latitude = blocks.FloatBlock(label=_("Latitude"), min_value=-90, max_value=90)
    longitude = blocks.FloatBlock(label=_("Longitude"), min_value=-180, max_value=180)
    zoom = blocks.IntegerBlock(label=_("Zoom"), min_value=1, max_value=19, default=15)
    text = blocks.TextBlock(label=_("About the place"), required=False)

    class Meta:
        icon = "site"
        label = _("Map point")
        template = "exhibitions/blocks/map_point.html"
        value_class = MapPointValue


class SectionContentBlock(blocks.StreamBlock):
    catalogue_item = RecordBlock(label=_("Catalogue item"))
    text = blocks.RichTextBlock(label=_("Text"))
    image = ImageBlock()
    gallery = GalleryBlock()
    video = VideoBlock()
    audio = AudioBlock()
    quote = QuoteBlock()
    timeline = TimelineBlock()
    map_point = MapPointBlock()


class SectionBlock(blocks.StructBlock):
    """A part of the exhibition: a title (in the table of contents) and its blocks."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    content = SectionContentBlock(label=_("Content"))

    class Meta:
        icon = "folder-open-1"
        label = _("Section")
        template = "exhibitions/blocks/section.html"


class CuratorBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=150)
    role = blocks.CharBlock(label=_("Role"), max_length=150, help_text=_("E.g. Curator, Design"))

    class Meta:
        icon = "user"
        label = _("Person")


def anchors_of(titles: list[str]) -> list[str]:
    """An anchor for each section title: its slug (any script), made unique by a number."""
    seen: dict[str, int] = {}
    anchors = []
    for title in titles:
        base = slugify(title, allow_unicode=True) or "section"
        seen[base] = seen.get(base, 0) + 1
        anchors.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return anchors


def biblio_ids_in(sections) -> Iterator[int]:
    """The catalogue items' biblio ids in a body of sections, in order."""
    for section in sections:
        for block in section.value["content"]:
            if block.block_type == "catalogue_item":
                yield block.value["biblio_id"]
