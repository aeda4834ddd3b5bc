"""The exhibitions of one language as RSS 2.0 and Atom, newest opening first."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from django.utils.translation import override

from plugins.exhibitions.exhibition_pages import ExhibitionIndexPage, ExhibitionPage

FEED_SIZE = 50


class ExhibitionsRss(Feed):
    """The exhibitions of the exhibitions page ``index``, in its language."""

    feed_type = Rss201rev2Feed

    def __init__(self, index: ExhibitionIndexPage) -> None:
        super().__init__()
        self.index = index
        self.language = index.locale.language_code

    def __call__(self, request, *args, **kwargs) -> HttpResponse:
        with override(self.language):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def title(self) -> str:
        return self.index.title

    def link(self) -> str:
        return self.request.build_absolute_uri(self.index.get_url(self.request))

    def description(self) -> str:
        return self.index.intro or _("The library's exhibitions, in its rooms and online.")

    def items(self) -> list[ExhibitionPage]:
        return list(self.index.exhibitions().order_by("-opens", "-pk")[:FEED_SIZE])

    def item_title(self, exhibition: ExhibitionPage) -> str:
        return exhibition.title

    def item_description(self, exhibition: ExhibitionPage) -> str:
        return render_to_string("exhibitions/exhibition_feed_item.html", {"page": exhibition})

    def item_link(self, exhibition: ExhibitionPage) -> str:
        return self.request.build_absolute_uri(exhibition.get_url(self.request))

    def item_guid(self, exhibition: ExhibitionPage) -> str:
        return self.item_link(exhibition)

    def item_pubdate(self, exhibition: ExhibitionPage) -> datetime.datetime | None:
        return exhibition.first_published_at

    def item_updateddate(self, exhibition: ExhibitionPage) -> datetime.datetime | None:
        return exhibition.last_published_at


class ExhibitionsAtom(ExhibitionsRss):
    feed_type = Atom1Feed

    def subtitle(self) -> str:
        return self.description()
