"""Exhibitions pages as the demo makes them, and exhibitions added to them for a test: one with
a block of every kind, its images, media and captions made here; tours built for a test, their
stops and hotspots written in the test."""

from __future__ import annotations

import datetime
import io
import json
import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtailmedia.models import Media

from plugins.exhibitions.models import ExhibitionIndexPage, ExhibitionPage, TourPage
from tests.plugins.opac.conftest import catalogue, site_koha  # noqa: F401  (fixtures)

KOBZAR, ONEGIN, POESII = 41, 23, 58
BLOCK_TYPES = (
    "catalogue_item",
    "text",
    "image",
    "gallery",
    "video",
    "audio",
    "quote",
    "timeline",
    "map_point",
)
CAPTIONS = "WEBVTT\n\n00:00.000 --> 00:01.000\nA page turns.\n"


def index_of(language: str = "en") -> ExhibitionIndexPage:
    return ExhibitionIndexPage.objects.get(locale=Locale.objects.get(language_code=language))


def days(count: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=count)


def item(block_type: str, value) -> dict:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def section(title: str, *blocks: dict) -> dict:
    return item("section", {"title": title, "content": list(blocks)})


def record(biblio_id: int, note: str = "") -> dict:
    return item("catalogue_item", {"biblio_id": biblio_id, "note": note})


def add_exhibition(index: ExhibitionIndexPage, title: str, sections=(), **fields) -> ExhibitionPage:
    fields.setdefault("slug", title.lower().replace(" ", "-").replace(":", ""))
    fields.setdefault("summary", f"About {title}.")
    fields.setdefault("opens", days(-10))
    fields.setdefault("closes", days(30))
    fields.setdefault("place", "Reading room")
    page = ExhibitionPage(title=title, body=json.dumps(list(sections)), **fields)
    index.add_child(instance=page)
    page.save_revision().publish()
    return ExhibitionPage.objects.get(pk=page.pk)


def picture(title: str = "A room", colour: str = "#d9c9a8", width: int = 800, height: int = 600):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), colour).save(buffer, format="PNG")
    image = get_image_model()(title=title)
    image.file = ImageFile(buffer, name=f"{title}.png")
    image.save()
    return image


@pytest.fixture
def uploads(db) -> dict:
    """Images, a recording, a clip and its WebVTT captions."""
    audio = Media(title="Bell", type="audio", duration=1)
    audio.file.save("bell.wav", ContentFile(b"RIFF0000WAVE"), save=False)
    audio.save()
    video = Media(title="Pages", type="video", duration=1, width=320, height=180)
    video.file.save("pages.webm", ContentFile(b"\x1aE\xdf\xa3"), save=False)
    video.save()
    captions = get_document_model()(title="Pages: captions")
    captions.file.save("pages.vtt", ContentFile(CAPTIONS.encode()), save=False)
    captions.save()
    return {
        "press": picture("press", "#8a3b12"),
        "first": picture("first", "#1d4e89"),
        "second": picture("second", "#2e7d32"),
        "audio": audio,
        "video": video,
        "captions": captions,
    }


def every_block(uploads: dict) -> list[dict]:
    """Sections holding a block of every kind."""
    return [
        section(
            "Four books",
            item("text", "<p>Each of these books changed its language.</p>"),
            record(KOBZAR, "Eight poems in a slim volume."),
            record(ONEGIN, ""),
            item(
                "quote",
                {"text": "A book is a letter.", "author": "Olena", "source": "opening talk"},
            ),
        ),
        section(
            "From manuscript to print",
            item(
                "image",
                {
                    "image": uploads["press"].pk,
                    "alt_text": "A hand press",
                    "caption": "Printed sheet by sheet.",
                    "attribution": "Drawing by Andrii",
                    "licence": "CC BY 4.0",
                    "licence_url": "https://creativecommons.org/licenses/by/4.0/",
                },
            ),
            item(
                "gallery",
                {
                    "title": "Title pages",
                    "images": [
                        item("item", {"image": uploads[key].pk, "alt_text": alt, "caption": alt})
                        for key, alt in (("first", "Onegin, 1833"), ("second", "Kobzar, 1840"))
                    ],
                },
            ),
            item(
                "timeline",
                {
                    "title": "Fifty years",
                    "entries": [
                        item("item", {"when": "1833", "title": "Onegin", "text": "Complete."}),
                        item("item", {"when": "1842-05-21", "title": "Dead Souls", "text": ""}),
                    ],
                },
            ),
        ),
        section(
            "Listen and watch",
            item(
                "audio",
                {
                    "title": "The bell",
                    "audio": uploads["audio"].pk,
                    "transcript": "<p>A single bell rings and fades.</p>",
                },
            ),
            item(
                "video",
                {
                    "title": "Turning the pages",
                    "embed": "",
                    "video": uploads["video"].pk,
                    "captions": uploads["captions"].pk,
                    "captions_language": "en",
                },
            ),
            item(
                "map_point",
                {
                    "label": "Pushkin House Museum",
                    "latitude": 47.0275,
                    "longitude": 28.8286,
                    "zoom": 17,
                    "text": "Where he lived from 1820.",
                },
            ),
        ),
    ]


@pytest.fixture
def index() -> ExhibitionIndexPage:
    return index_of("en")


def hotspot(caption: str, x: float = 50, y: float = 50, **link) -> dict:
    return {"caption": caption, "x": x, "y": y, "record": None, "page": None, "url": "", **link}


def stop(title: str, image, hotspots: list[dict] = (), panorama: bool = False) -> tuple:
    return (
        "stop",
        {
            "title": title,
            "text": "<p>What there is to see here.</p>",
            "image": image,
            "alt": f"A drawing of {title}",
            "panorama": panorama,
            "hotspots": list(hotspots),
        },
    )


def add_tour(title: str, stops: list[tuple], parent: Page | None = None, **fields) -> TourPage:
    parent = parent or index_of("en")
    fields.setdefault("slug", title.lower().replace(" ", "-"))
    tour = TourPage(title=title, stops=stops, **fields)
    parent.add_child(instance=tour)
    tour.save_revision().publish()
    return tour


def home_of(language: str) -> Page:
    return Page.objects.get(depth=2, locale=Locale.objects.get(language_code=language))


@pytest.fixture
def image():
    return picture()
