"""The shared StreamField blocks render what readers and assistive technology need."""

from io import BytesIO

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder
from wagtail.images.models import Image
from wagtail.models import Locale, Page

from library_site.core.blocks import BaseStreamBlock
from library_site.core.models import StandardPage
from tests.html import soup_of

pytestmark = pytest.mark.django_db


def render(block_type: str, value) -> BeautifulSoup:
    stream_block = BaseStreamBlock()
    stream_value = stream_block.to_python([{"type": block_type, "value": value}])
    return BeautifulSoup(stream_block.render(stream_value), "html.parser")


@pytest.fixture
def photo() -> Image:
    buffer = BytesIO()
    PillowImage.new("RGB", (640, 480), "#336699").save(buffer, format="PNG")
    image = Image(title="Reading room")
    image.file = ImageFile(BytesIO(buffer.getvalue()), name="reading-room.png")
    image.save()
    return image


def test_captioned_image_has_alternative_text_caption_and_attribution(photo):
    soup = render(
        "image",
        {
            "image": photo.pk,
            "alt_text": "Readers at long tables",
            "caption": "The reading room in winter",
            "attribution": "Photo: I. Petrenko, CC BY 4.0",
        },
    )

    assert soup.img["alt"] == "Readers at long tables"
    assert soup.select_one("figcaption .caption").get_text() == "The reading room in winter"
    assert soup.select_one("figcaption .attribution").get_text() == "Photo: I. Petrenko, CC BY 4.0"


def test_decorative_image_has_empty_alternative_text(photo):
    soup = render("image", {"image": photo.pk, "alt_text": "", "caption": "", "attribution": ""})

    assert soup.img["alt"] == ""
    assert soup.figcaption is None


@pytest.mark.parametrize("level", ["h2", "h3", "h4"])
def test_heading_uses_the_chosen_level(level):
    soup = render("heading", {"text": "Collections", "level": level})

    assert soup.find(level).get_text() == "Collections"


def test_quote_names_its_source():
    soup = render("quote", {"text": "A library is a hospital for the mind.", "source": "Anonymous"})

    assert soup.blockquote.get_text(strip=True) == "A library is a hospital for the mind."
    assert soup.cite.get_text() == "Anonymous"


class StaticFinder(EmbedFinder):
    """Stands in for an oEmbed provider: a player for talk URLs, nothing for the rest."""

    def accept(self, url: str) -> bool:
        return True

    def find_embed(self, url: str, max_width=None, max_height=None) -> dict:
        if "talk" not in url:
            raise EmbedNotFoundException
        return {
            "title": "Talk",
            "type": "video",
            "html": '<iframe title="Talk"></iframe>',
            "width": 640,
            "height": 360,
        }


@pytest.fixture
def embed_provider(settings):
    settings.WAGTAILEMBEDS_FINDERS = [{"class": f"{__name__}.StaticFinder"}]


def test_embed_shows_the_providers_player(embed_provider):
    soup = render("embed", "https://video.example/talk")

    assert soup.select_one(".embed iframe")["title"] == "Talk"


def test_embed_that_cannot_be_fetched_falls_back_to_a_link(embed_provider):
    url = "https://video.example/gone"

    soup = render("embed", url)

    assert soup.a["href"] == url


def test_body_of_a_page_renders_all_its_blocks(client, photo):
    home = Page.objects.get(depth=2, locale=Locale.get_default())
    page = StandardPage(
        title="Rules",
        slug="rules",
        body=[
            ("heading", {"text": "Borrowing", "level": "h2"}),
            ("paragraph", "<p>Up to <b>ten</b> items.</p>"),
            ("image", {"image": photo, "alt_text": "A card", "caption": "", "attribution": ""}),
            ("quote", {"text": "Read widely.", "source": ""}),
        ],
    )
    home.add_child(instance=page)

    soup = soup_of(client.get("/en/rules/"))
    main = soup.main

    assert main.h2.get_text() == "Borrowing"
    assert main.select_one(".rich-text b").get_text() == "ten"
    assert main.select_one("figure img")["alt"] == "A card"
    assert main.blockquote.get_text(strip=True) == "Read widely."
