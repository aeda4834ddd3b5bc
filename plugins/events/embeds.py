"""An embed finder for recordings the library serves as video files: a ``<video>`` player made on
the site, so nothing is asked of an oEmbed provider on the internet."""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import urlsplit

from django.utils.html import format_html
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder

VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm", ".ogv": "video/ogg"}


def _video_type(url: str) -> str | None:
    return VIDEO_TYPES.get(PurePosixPath(urlsplit(url).path).suffix.lower())


class VideoFileFinder(EmbedFinder):
    """Accepts a link to an .mp4, .webm or .ogv file and plays it in the page."""

    def __init__(self, **options) -> None:
        self.options = options

    def accept(self, url: str) -> bool:
        return _video_type(url) is not None

    def find_embed(self, url: str, max_width=None, max_height=None) -> dict:
        video_type = _video_type(url)
        if video_type is None or urlsplit(url).scheme not in ("http", "https"):
            raise EmbedNotFoundException
        return {
            "title": "",
            "type": "video",
            "html": format_html(
                '<video controls preload="none" width="640" height="360">'
                '<source src="{}" type="{}"><a href="{}">{}</a></video>',
                url,
                video_type,
                url,
                url,
            ),
            "width": 640,
            "height": 360,
        }
