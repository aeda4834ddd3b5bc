"""An exhibition page: its facts, its table of contents, its sections at their anchors, a block of
every kind as a reader meets it, and its comments; what an editor cannot save."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from wagtail import blocks

from plugins.exhibitions.exhibition_blocks import (
    MapPointBlock,
    TimelineEntryBlock,
    VideoBlock,
    anchors_of,
)
from plugins.exhibitions.exhibition_pages import ExhibitionPage
from tests.html import soup_of
from tests.plugins.exhibitions.conftest import (
    KOBZAR,
    ONEGIN,
    POESII,
    add_exhibition,
    days,
    every_block,
    item,
    record,
    section,
)
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def exhibition(index, uploads, catalogue):
    return add_exhibition(
        index,
        "Printed first",
        every_block(uploads),
        curators='[{"type": "person", "value": {"name": "Olena Kovalenko", "role": "Curator"}}]',
        credits="Texts: Olena.",
        rights="CC BY 4.0",
    )


def test_the_header_says_when_where_and_who(client, exhibition):
    soup = soup_of(client.get(exhibition.url))

    assert soup.h1.get_text() == "Printed first"
    facts = soup.select_one(".exhibition__facts").get_text(" ", strip=True)
    assert "Reading room" in facts
    assert "Olena Kovalenko, Curator" in facts
    assert soup.select_one(".exhibition__facts time")["datetime"] == days(-10).isoformat()
    assert "Texts: Olena." in soup.select_one(".exhibition__credits").get_text()


def test_the_table_of_contents_links_each_section_at_its_anchor(client, exhibition):
    soup = soup_of(client.get(exhibition.url))

    links = [a["href"] for a in soup.select(".exhibition__toc a")]
    assert links == ["#four-books", "#from-manuscript-to-print", "#listen-and-watch"]
    for link in links:
        heading = soup.select_one(f"section{link} h2")
        assert heading.get_text() in {a.get_text() for a in soup.select(".exhibition__toc a")}


def test_anchors_are_slugs_of_the_titles_in_any_script_and_unique():
    assert anchors_of(["Four books", "Чотири книжки", "Four books", ""]) == [
        "four-books",
        "чотири-книжки",
        "four-books-2",
        "section",
    ]


def test_a_catalogue_item_shows_cover_title_author_caption_and_links(client, exhibition):
    soup = soup_of(client.get(exhibition.url))

    kobzar = soup.select(".record-block")[0]
    assert kobzar.select_one(".record-block__title").get_text() == "Кобзарь"
    assert kobzar.select_one(".record-block__title")["href"].startswith(f"/en/catalogue/{KOBZAR}/")
    assert "Шевченко" in kobzar.select_one(".record-block__authors").get_text()
    assert kobzar.select_one(".record-block__caption").get_text() == "Eight poems in a slim volume."
    assert kobzar.select_one(".record-block__availability")["href"].endswith("/#availability")
    assert kobzar.img["alt"] == ""  # the title beside it names the book
    assert not soup.select(".record-block")[1].select(".record-block__caption")


def test_an_image_has_its_alt_text_caption_attribution_and_licence(client, exhibition):
    figure = soup_of(client.get(exhibition.url)).select_one(".exhibit-image")

    assert figure.img["alt"] == "A hand press"
    assert "Printed sheet by sheet." in figure.figcaption.get_text()
    assert "Drawing by Andrii" in figure.select_one(".exhibit-credit").get_text()
    licence = figure.select_one("a[rel=license]")
    assert licence.get_text() == "CC BY 4.0"
    assert licence["href"] == "https://creativecommons.org/licenses/by/4.0/"


def test_a_gallery_links_its_thumbnails_to_full_images_and_has_a_labelled_viewer(
    client, exhibition
):
    gallery = soup_of(client.get(exhibition.url)).select_one(".exhibit-gallery")

    links = gallery.select("a.exhibit-gallery__link")
    assert [a.img["alt"] for a in links] == ["Onegin, 1833", "Kobzar, 1840"]
    assert all(a["href"].startswith("/media/images/") for a in links)  # full images, no JS
    dialog = gallery.select_one("dialog.lightbox")
    assert dialog["aria-label"] == "Image viewer"
    assert not dialog.has_attr("open")
    labels = [button["aria-label"] for button in dialog.select("button")]
    assert labels == ["Previous image", "Next image", "Close the image viewer"]


def test_an_uploaded_video_carries_its_webvtt_captions_as_a_track(client, exhibition, uploads):
    figure = soup_of(client.get(exhibition.url)).select_one(".exhibit-video")

    video = figure.video
    assert video["src"] == uploads["video"].url
    assert video.has_attr("controls")
    track = video.track
    assert track["kind"] == "captions"
    assert track["srclang"] == "en"
    assert track["src"] == uploads["captions"].url
    assert client.get(track["src"]).status_code == 200


def test_an_embedded_video_is_played_through_the_embed_finders(client, index):
    url = "https://media.library.example/talks/opening.webm"
    page = add_exhibition(
        index,
        "Talks",
        [section("Talk", item("video", {"title": "Opening", "embed": url, "video": None}))],
    )

    figure = soup_of(client.get(page.url)).select_one(".exhibit-video")

    assert figure.select_one(".embed video source")["src"] == url  # the test settings' finder
    assert "Opening" in figure.figcaption.get_text()


def test_audio_comes_with_its_transcript_in_a_disclosure(client, exhibition, uploads):
    audio = soup_of(client.get(exhibition.url)).select_one(".exhibit-audio")

    assert audio.audio["src"] == uploads["audio"].url
    assert audio.h3.get_text() == "The bell"
    details = audio.details
    assert details.summary.get_text() == "Transcript"
    assert "A single bell rings and fades." in details.get_text()


def test_a_timeline_is_an_ordered_list_of_dated_entries(client, exhibition):
    timeline = soup_of(client.get(exhibition.url)).select_one(".exhibit-timeline")

    times = timeline.select("ol > li time")
    assert [t["datetime"] for t in times] == ["1833", "1842-05-21"]
    assert [t.get_text() for t in times] == ["1833", "May 21, 1842"]


def test_a_map_point_links_to_openstreetmap_and_loads_nothing_from_it(client, exhibition):
    soup = soup_of(client.get(exhibition.url))
    point = soup.select_one(".exhibit-map")

    link = point.select_one("a[href^='https://www.openstreetmap.org/']")
    assert "mlat=47.02750&mlon=28.82860" in link["href"]
    assert "#map=17/" in link["href"]
    assert "47.02750, 28.82860" in point.get_text()
    loaded = [tag.get("src", "") for tag in soup.select("img, iframe, script")]
    assert not [src for src in loaded if "openstreetmap" in src or "tile" in src]


def test_quote_and_text_are_shown(client, exhibition):
    soup = soup_of(client.get(exhibition.url))

    quote = soup.select_one(".exhibit-quote")
    assert quote.blockquote.get_text(strip=True) == "A book is a letter."
    assert quote.cite.get_text() == "opening talk"
    assert "Each of these books changed its language." in soup.select_one(".exhibit--text").text


def test_every_block_type_is_on_the_page(client, exhibition):
    soup = soup_of(client.get(exhibition.url))

    shown = {div["class"][1].removeprefix("exhibit--") for div in soup.select("div.exhibit")}
    assert shown == {
        "catalogue_item", "text", "image", "gallery", "video", "audio", "quote", "timeline",
        "map_point",
    }  # fmt: skip


def test_readers_can_comment_on_an_exhibition(client, exhibition):
    soup = soup_of(client.get(exhibition.url))
    form_page = soup_of(client.get(soup.select_one("#comments [data-comment-open]")["href"]))

    assert form_page.select_one("form.comment-form")


def test_catalogue_items_are_read_in_one_query_however_many(client, index, catalogue):
    few = add_exhibition(index, "Few", [section("One", record(KOBZAR))])
    many = add_exhibition(
        index,
        "Many",
        [
            section("One", record(KOBZAR), record(ONEGIN)),
            section("Two", record(POESII), record(3), record(8), record(KOBZAR, "again")),
        ],
    )

    assert count_queries(client, many.url) == count_queries(client, few.url)
    assert len(soup_of(client.get(many.url)).select(".record-block")) == 6


def test_a_video_needs_a_link_or_a_file_and_captions_need_their_language(uploads):
    block = VideoBlock()
    with pytest.raises(blocks.StructBlockValidationError) as refused:
        block.clean(block.to_python({"title": "Clip", "embed": "", "video": None}))
    assert set(refused.value.block_errors) == {"video"}

    with pytest.raises(blocks.StructBlockValidationError) as refused:
        block.clean(
            block.to_python(
                {
                    "title": "Clip",
                    "video": uploads["video"].pk,
                    "captions": uploads["captions"].pk,
                    "captions_language": "",
                }
            )
        )
    assert set(refused.value.block_errors) == {"captions_language"}


def test_a_timeline_date_is_a_year_or_a_real_date():
    block = TimelineEntryBlock()
    assert block.clean(block.to_python({"when": "1840", "title": "Kobzar", "text": ""}))
    for wrong in ("1840-02-30", "18400", "May 1840"):
        with pytest.raises((ValidationError, blocks.StructBlockValidationError)):
            block.clean(block.to_python({"when": wrong, "title": "Kobzar", "text": ""}))


def test_a_map_point_keeps_to_the_globe():
    block = MapPointBlock()
    with pytest.raises(blocks.StructBlockValidationError):
        block.clean(block.to_python({"label": "Nowhere", "latitude": 91, "longitude": 0}))


def test_an_exhibition_in_a_room_names_it_and_cannot_close_before_it_opens(index):
    with pytest.raises(ValidationError) as refused:
        index.add_child(
            instance=ExhibitionPage(
                title="Draft", slug="draft", summary="About.", opens=days(5), closes=days(1)
            )
        )
    assert {"closes", "place"} <= set(refused.value.message_dict)


def test_an_exhibition_can_be_shared(client, exhibition):
    share = soup_of(client.get(exhibition.url)).select_one("section.share")

    assert share.select_one("a.share__email")["href"].startswith("mailto:?subject=Printed%20first")
    assert share.select_one("form.share__mastodon input[name=page]")["value"] == str(exhibition.pk)
