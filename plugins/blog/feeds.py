"""The blog's feeds, RSS 2.0 and Atom, in the blog's language: the whole blog (with the quote of
the week of its week), and per category, tag and author. Posts with audio or video carry it as an
enclosure, so a podcast app can subscribe; the text is the excerpt or, by the setting
``BLOG_FEED_FULL_TEXT``, the whole post."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override
from wagtail.rich_text import expand_db_html

from plugins.blog import quotes

FEED_SIZE = 20
FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}


class BlogFeed(Feed):
    """Posts of ``entries`` from the blog ``blog``; ``quote`` joins them when given."""

    def __init__(self, blog, request, kind, entries, title, link, quote=None) -> None:
        super().__init__()
        self.feed_type = FEED_TYPES[kind]
        self.blog = blog
        self.request = request
        self.entries = entries
        self.feed_title = title
        self.feed_link = link
        self.quote = quote
        self.language = blog.locale.language_code

    def __call__(self, request, *args, **kwargs) -> HttpResponse:
        with override(self.blog.locale.language_code):
            return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return None

    def absolute(self, path: str) -> str:
        return self.request.build_absolute_uri(path)

    def title(self) -> str:
        return self.feed_title

    def link(self) -> str:
        return self.absolute(self.feed_link)

    def description(self) -> str:
        return self.blog.description or self.blog.title

    subtitle = description

    def items(self) -> list:
        entries = list(self.entries.select_related("media", "author")[:FEED_SIZE])
        if self.quote is not None:
            entries.append(self.quote)
            entries.sort(key=published, reverse=True)
        return entries

    def item_title(self, item) -> str:
        if is_quote(item):
            return _("Quote of the week: %(author)s") % {"author": item.author}
        return item.title

    def item_description(self, item) -> str:
        if is_quote(item):
            return render_to_string("blog/feed_quote.html", {"quote": item})
        if settings.BLOG_FEED_FULL_TEXT:
            return expand_db_html(item.body or "") + str(item.stream.render_as_block())
        return (
            expand_db_html(item.excerpt)
            if item.excerpt
            else linebreaks(escape(item.search_description))
        )

    def item_link(self, item) -> str:
        if is_quote(item):
            return self.absolute(self.blog.url + self.blog.reverse_subpage("quotes"))
        return self.absolute(item.url)

    def item_guid(self, item) -> str:
        if is_quote(item):
            return self.item_link(item) + f"#{item.year}-W{item.week:02d}"
        return self.item_link(item)

    def item_pubdate(self, item) -> datetime.datetime:
        return published(item)

    def item_author_name(self, item) -> str | None:
        return item.author if is_quote(item) else (item.author.name if item.author else None)

    def item_enclosures(self, item) -> list[Enclosure]:
        media = None if is_quote(item) else item.media
        if media is None:
            return []
        try:
            length = str(media.file.size)
        except OSError:
            length = "0"
        return [Enclosure(self.absolute(media.url), length, mime_type_of(media))]


def is_quote(item) -> bool:
    return hasattr(item, "week")


def published(item) -> datetime.datetime:
    if is_quote(item):
        return datetime.datetime.combine(item.monday, datetime.time(), tzinfo=datetime.UTC)
    return item.date if timezone.is_aware(item.date) else timezone.make_aware(item.date)


def mime_type_of(media) -> str:
    """The file's type from its extension, as a podcast app needs it."""
    import mimetypes

    guessed, _encoding = mimetypes.guess_type(media.file.name)
    return guessed or ("audio/mpeg" if media.type == "audio" else "video/mp4")


def feed_link(blog, kind: str, route: str = "feed", **kwargs) -> str:
    """The path of one of ``blog``'s feeds."""
    return blog.url + blog.reverse_subpage(route, kwargs={"kind": kind, **kwargs})


def blog_feed(blog, request, kind: str) -> HttpResponse:
    quote = quotes.quote_for_week(blog.locale, *quotes.week_of(quotes.today()))
    feed = BlogFeed(blog, request, kind, blog.get_entries(), blog.title, blog.url, quote)
    return feed(request)


def category_feed(blog, request, kind: str, slug: str) -> HttpResponse:
    from plugins.blog.names import category_name

    entries = blog.get_entries().filter(entry_categories__category__slug=slug)
    name = category_name(slug, blog.locale)
    link = ("entries_by_category", {"category": slug})
    return _labelled_feed(
        blog, request, kind, entries, name, link, gettext_lazy("%(blog)s: category %(name)s")
    )


def tag_feed(blog, request, kind: str, slug: str) -> HttpResponse:
    from plugins.blog.names import tag_name

    entries = blog.get_entries().filter(tags__slug=slug)
    link = ("entries_by_tag", {"tag": slug})
    name = tag_name(slug, blog.locale)
    return _labelled_feed(
        blog, request, kind, entries, name, link, gettext_lazy("%(blog)s: tag %(name)s")
    )


def author_feed(blog, request, kind: str, author) -> HttpResponse:
    entries = blog.get_entries().filter(author=author)
    link = ("entries_by_author", {"author": author.slug})
    title = gettext_lazy("%(blog)s: posts by %(name)s")
    return _labelled_feed(blog, request, kind, entries, author.name, link, title)


def _labelled_feed(blog, request, kind, entries, name, link, title) -> HttpResponse:
    """The feed of ``entries``, the posts of one category, tag or author called ``name``
    (None when there is no such one); ``link`` is the route of their page and its arguments."""
    if name is None:
        raise Http404
    route, kwargs = link
    with override(blog.locale.language_code):
        text = str(title) % {"blog": blog.title, "name": name}
    path = blog.url + blog.reverse_subpage(route, kwargs=kwargs)
    return BlogFeed(blog, request, kind, entries, text, path)(request)
