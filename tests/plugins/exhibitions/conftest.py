"""Tours built for a test: pictures drawn here, stops and hotspots written in the test."""

from __future__ import annotations

from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from plugins.exhibitions.models import TourPage


def picture(title: str = "A room", width: int = 400, height: int = 250):
    buffer = BytesIO()
    PillowImage.new("RGB", (width, height), "#d9c9a8").save(buffer, format="PNG")
    image = get_image_model()(title=title)
    image.file = ImageFile(BytesIO(buffer.getvalue()), name="room.png")
    image.save()
    return image


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
    parent = parent or home_of("en")
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


@pytest.fixture
def catalogue(koha_client):
    """The sandbox's records in the site's catalogue."""
    from plugins.opac.sync import sync_catalogue

    sync_catalogue(koha_client)
