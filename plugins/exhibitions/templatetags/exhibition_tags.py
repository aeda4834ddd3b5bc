"""Exhibitions in templates: their dates, the home page's strip and the feed links feed readers
discover."""

from __future__ import annotations

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from plugins.exhibitions.exhibition_listing import exhibitions_page, on_home
from plugins.exhibitions.exhibition_pages import ExhibitionIndexPage, ExhibitionPage

register = template.Library()


@register.simple_tag
def exhibition_dates(exhibition: ExhibitionPage) -> str:
    """ "12 March 2027 – 30 June 2027", or "from 12 March 2027" when it has no end."""
    opens = date_format(exhibition.opens, "DATE_FORMAT")
    if exhibition.closes is None:
        return _("from %(opens)s") % {"opens": opens}
    return _("%(opens)s – %(closes)s") % {
        "opens": opens,
        "closes": date_format(exhibition.closes, "DATE_FORMAT"),
    }


@register.inclusion_tag("exhibitions/exhibition_home.html", takes_context=True)
def exhibitions_on_home(
    context: template.Context, index: ExhibitionIndexPage | None = None
) -> dict:
    """Current exhibitions first, then upcoming ones, at most three, with a link to the active
    language's exhibitions page (unless given)."""
    exhibitions = on_home()
    return {
        "request": context.get("request"),
        "index": (index or exhibitions_page()) if exhibitions else None,
        "exhibitions": exhibitions,
    }


@register.inclusion_tag("exhibitions/exhibition_feed_links.html", takes_context=True)
def exhibition_feed_links(
    context: template.Context, index: ExhibitionIndexPage | None = None
) -> dict:
    """<link rel="alternate"> to the exhibitions' feeds (of the active language's exhibitions
    page unless given), for feed readers to find."""
    index = index or exhibitions_page()
    if index is None:
        return {"feeds": []}
    url = index.get_url(context.get("request"))
    return {
        "feeds": [
            ("application/rss+xml", _("Exhibitions (RSS)"), url + "rss/"),
            ("application/atom+xml", _("Exhibitions (Atom)"), url + "atom/"),
        ]
    }
