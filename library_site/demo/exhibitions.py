"""Load the demo exhibitions idempotently: the exhibitions page and an exhibition with every kind
of block, in English translated with wagtail-localize; its pictures drawn here, its audio the
blog's chime, its video a short clip made for the demo (assets/turning-pages.webm, recorded from
a canvas in Chromium) with WebVTT captions written here."""

from __future__ import annotations

import io
import json
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtailmedia.models import Media as MediaFile

from library_site.demo.blog import chime
from library_site.demo.content import exhibitions as content
from library_site.demo.content.text import Catalogue, T
from plugins.exhibitions.models import ExhibitionIndexPage, ExhibitionPage

VIDEO = Path(__file__).parent / "assets" / "turning-pages.webm"
CAPTIONS = """WEBVTT

00:00.000 --> 00:02.000
A book lies open on the reading desk.

00:02.000 --> 00:04.500
Its pages turn, one after another.
"""
# Title pages as their first printings spelled them.
TITLE_PAGES = {
    "onegin": ("ЕВГЕНІЙ ОНѢГИНЪ", "А. Пушкинъ", "1833", "#1d4e89"),
    "kobzar": ("КОБЗАРЬ", "Т. Шевченка", "1840", "#8a3b12"),
    "poesii": ("POESII", "M. Eminescu", "1884", "#2e7d32"),
    "souls": ("МЕРТВЫЯ ДУШИ", "Н. Гоголь", "1842", "#6a1b9a"),
}


def serif(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Serif where the system has it (Cyrillic and old letters such as ѣ), else Pillow's
    own font."""
    try:
        return ImageFont.truetype("DejaVuSerif.ttf", size)
    except OSError:
        return ImageFont.load_default(size)


def draw_title_page(title: str, author: str, year: str, colour: str) -> bytes:
    """A plain title page: a ruled frame, the author, the title and the year, as PNG bytes."""
    canvas = PillowImage.new("RGB", (600, 800), "#f3ead7")
    draw = ImageDraw.Draw(canvas)
    draw.rectangle([30, 30, 570, 770], outline=colour, width=6)
    draw.rectangle([46, 46, 554, 754], outline=colour, width=2)
    draw.text((300, 220), author, fill="#2b1d14", anchor="mm", font=serif(34))
    draw.line([180, 290, 420, 290], fill=colour, width=3)
    draw.text(
        (300, 390), title, fill=colour, anchor="mm", font=serif(52 if len(title) < 10 else 38)
    )
    draw.line([180, 490, 420, 490], fill=colour, width=3)
    draw.text((300, 680), year, fill="#2b1d14", anchor="mm", font=serif(36))
    return _png(canvas)


def draw_desk() -> bytes:
    """The cover: the four title pages side by side on a desk."""
    canvas = PillowImage.new("RGB", (1600, 900), "#6d4c33")
    for number, (title, author, year, colour) in enumerate(TITLE_PAGES.values()):
        page = PillowImage.open(io.BytesIO(draw_title_page(title, author, year, colour)))
        page = page.resize((330, 440))
        canvas.paste(page, (60 + number * 380, 230 + (number % 2) * 30))
    return _png(canvas)


def draw_press() -> bytes:
    """A hand press, drawn in a few lines."""
    canvas = PillowImage.new("RGB", (1200, 800), "#fffdf8")
    draw = ImageDraw.Draw(canvas)
    ink = "#2b1d14"
    draw.rectangle([300, 80, 340, 700], fill=ink)  # the two cheeks
    draw.rectangle([860, 80, 900, 700], fill=ink)
    draw.rectangle([300, 80, 900, 130], fill=ink)  # the head
    draw.rectangle([580, 130, 620, 330], fill="#5d4037")  # the screw
    draw.rectangle([480, 330, 720, 370], fill="#5d4037")  # the platen
    draw.line([620, 230, 980, 180], fill=ink, width=14)  # the bar
    draw.rectangle([200, 430, 1000, 470], fill="#8a3b12")  # the bed
    draw.rectangle([420, 400, 780, 430], fill="#f3ead7", outline=ink)  # a sheet
    draw.rectangle([260, 700, 940, 730], fill=ink)
    return _png(canvas)


def _png(canvas: PillowImage.Image) -> bytes:
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


PICTURES = {
    "title-pages": ("Four title pages (demo illustration)", draw_desk),
    "press": ("A hand press (demo illustration)", draw_press),
    **{
        key: (f"Title page: {key} (demo illustration)", lambda spec=spec: draw_title_page(*spec))
        for key, spec in TITLE_PAGES.items()
        if key != "souls"  # on the cover only
    },
}


def ensure_pictures() -> dict[str, Any]:
    image_model = get_image_model()
    pictures = {}
    for key, (title, draw) in PICTURES.items():
        image = image_model.objects.filter(title=title).first()
        if image is None:
            image = image_model(title=title)
            image.file = ImageFile(io.BytesIO(draw()), name=f"exhibition-{key}.png")
            image.save()
        pictures[key] = image
    return pictures


def ensure_media() -> dict[str, Any]:
    """The recording, the clip and its captions, made once."""
    audio = MediaFile.objects.filter(title="The exhibition's bell").first()
    if audio is None:
        audio = MediaFile(title="The exhibition's bell", type="audio", duration=2)
        audio.file.save("exhibition-bell.wav", ContentFile(chime()), save=False)
        audio.save()
    video = MediaFile.objects.filter(title="Turning the pages").first()
    if video is None:
        video = MediaFile(
            title="Turning the pages", type="video", duration=5, width=320, height=180
        )
        video.file.save("turning-pages.webm", ContentFile(VIDEO.read_bytes()), save=False)
        video.save()
    document_model = get_document_model()
    captions = document_model.objects.filter(title="Turning the pages: captions").first()
    if captions is None:
        captions = document_model(title="Turning the pages: captions")
        captions.file.save("turning-pages.vtt", ContentFile(CAPTIONS.encode()), save=False)
        captions.save()
    return {"audio": audio, "video": video, "captions": captions}


def raw(value: Any, objects: dict[str, Any]) -> Any:
    """A block value written with ``T``, pictures and media, as StreamField's raw English data."""
    if isinstance(value, T):
        return value.en
    if isinstance(value, content.Picture | content.Media):
        return objects[value.key].pk
    if isinstance(value, dict):
        return {key: raw(item, objects) for key, item in value.items()}
    if isinstance(value, list):  # a ListBlock's items
        return [item_of("item", raw(item, objects)) for item in value]
    return value


def item_of(block_type: str, value: Any) -> dict:
    """A stream's or list's item as stored: with an id, which wagtail-localize keys
    translations by."""
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def _block(block_type: str, value: Any, objects: dict[str, Any]) -> dict:
    if block_type == "text":
        return item_of("text", f"<p>{value.en}</p>")
    if block_type == "audio":
        value = {**value, "transcript": f"<p>{value['transcript'].en}</p>"}
    return item_of(block_type, raw(value, objects))


def body_of(exhibition: content.ExhibitionContent, objects: dict[str, Any]) -> str:
    return json.dumps(
        [
            item_of(
                "section",
                {
                    "title": title.en,
                    "content": [_block(kind, value, objects) for kind, value in blocks],
                },
            )
            for title, blocks in exhibition.sections
        ]
    )


def texts_of(value: Any):
    if isinstance(value, T):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from texts_of(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from texts_of(item)


def texts() -> list[T]:
    """Every string of the demo exhibitions, for the translation catalogue."""
    found = [content.EXHIBITIONS_TITLE, content.EXHIBITIONS_INTRO]
    for exhibition in content.EXHIBITIONS:
        found.extend(
            texts_of(
                [
                    exhibition.title,
                    exhibition.summary,
                    exhibition.place,
                    exhibition.cover_alt,
                    exhibition.curators,
                    exhibition.sections,
                    exhibition.credits,
                    exhibition.rights,
                ]
            )
        )
    return found


def ensure_exhibitions(
    home: Page, catalogue: Catalogue, locales: list[Locale], translate
) -> ExhibitionIndexPage:
    """The exhibitions page, in the menu, with the demo's exhibitions, dated from today."""
    index = ExhibitionIndexPage.objects.child_of(home).first()
    if index is None:
        index = ExhibitionIndexPage(
            title=content.EXHIBITIONS_TITLE.en,
            slug=content.EXHIBITIONS_PAGE_SLUG.en,
            intro=content.EXHIBITIONS_INTRO.en,
            show_in_menus=True,
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    translate(index, catalogue, locales, content.EXHIBITIONS_PAGE_SLUG)
    objects = {**ensure_pictures(), **ensure_media()}
    today = timezone.localdate()
    for exhibition in content.EXHIBITIONS:
        page = ExhibitionPage.objects.child_of(index).filter(slug=exhibition.slug.en).first()
        if page is None:
            page = ExhibitionPage(
                title=exhibition.title.en,
                slug=exhibition.slug.en,
                summary=exhibition.summary.en,
                cover=objects[exhibition.cover],
                cover_alt=exhibition.cover_alt.en,
                opens=today - timedelta(days=exhibition.days_open),
                closes=today + timedelta(days=exhibition.days_left),
                place=exhibition.place.en,
                curators=json.dumps(
                    [
                        item_of("person", {"name": name.en, "role": role.en})
                        for name, role in exhibition.curators
                    ]
                ),
                body=body_of(exhibition, objects),
                credits=exhibition.credits.en,
                rights=exhibition.rights.en,
            )
            index.add_child(instance=page)
            page.save_revision().publish()
        translate(page, catalogue, locales, exhibition.slug)
    return index
