"""Template tags of the blog: feed links and the quote of the week."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from plugins.blog.feeds import feed_link
from plugins.blog.quotes import quote_of_the_week as current_quote
from plugins.opac.cards import cards_of

register = template.Library()


@register.inclusion_tag("blog/includes/feed_links.html")
def blog_feed_links(blog, route: str = "feed", name: str = "", **kwargs) -> dict:
    """<link rel="alternate"> to a blog's RSS and Atom feeds, or to those of the category, tag
    or author ``name`` (``route`` and its ``kwargs`` say which)."""
    title = f"{blog.title}: {name}" if name else blog.title
    return {
        "feeds": [
            {
                "type": "application/rss+xml",
                "title": f"{title} (RSS)",
                "href": feed_link(blog, "rss", route, **kwargs),
            },
            {
                "type": "application/atom+xml",
                "title": f"{title} (Atom)",
                "href": feed_link(blog, "atom", route, **kwargs),
            },
        ]
    }


@register.inclusion_tag("blog/includes/quote.html", takes_context=True)
def quote_of_the_week(context) -> dict:
    """The quote of this week in the page's language, with a link to the archive."""
    from plugins.blog.models import BlogIndexPage

    page = context.get("page")
    # The page's own language and blog where it has them: no query for either.
    locale = page.locale if isinstance(page, Page) else Locale.get_active()
    blog = (
        page
        if isinstance(page, BlogIndexPage)
        else BlogIndexPage.objects.live().filter(locale=locale).first()
    )
    quote = current_quote(locale)
    cards = cards_of([quote.biblio_id]) if quote and quote.biblio_id else []
    return {
        "quote": quote,
        "record": cards[0] if cards else None,
        "archive_url": blog.url + blog.reverse_subpage("quotes") if blog else None,
        "heading": _("Quote of the week"),
    }
