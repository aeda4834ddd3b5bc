"""Template tags for the page frame: languages, menu, the library's profile, sharing metadata."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from library_site.core import page_cache
from library_site.core.frame import FRAME_SECONDS, Frame, frame_for
from library_site.core.sharing import share_links as links_for

register = template.Library()

# Open Graph wants language_TERRITORY.
OPEN_GRAPH_LOCALES = {"en": "en_US", "ru": "ru_RU", "uk": "uk_UA", "ro": "ro_RO"}


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switcher."""

    code: str
    name: str
    url: str
    current: bool
    # True when ``url`` is this very page in that language (not a fallback to that language's home).
    is_translation: bool
    full_url: str = ""


@dataclass(frozen=True)
class LanguageMenu:
    links: list[LanguageLink] = field(default_factory=list)
    x_default: str = ""

    @property
    def alternates(self) -> list[LanguageLink]:
        return [link for link in self.links if link.is_translation]


def _translation_urls(page: Page, request: HttpRequest) -> dict[str, str]:
    """The addresses of ``page``'s live translations (itself included) by language, kept until
    what pages show changes (core.site_changes makes a new content version)."""
    site = Site.find_for_request(request)
    key = f"translation-urls:{page_cache.content_version()}:{site.pk if site else 0}:{page.pk}"
    urls = cache.get(key)
    if urls is None:
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        urls = {each.locale.language_code: each.get_url(request) for each in translations}
        cache.set(key, urls, FRAME_SECONDS)
    return urls


def _route_of(page: Page, request: HttpRequest) -> str:
    """What the address adds to the page's own: a route of a routable page ("41/kobzar/"), the
    same in every translation of the page; "" on the page itself."""
    own = urlsplit(page.get_url(request) or "").path
    return request.path[len(own) :] if own and request.path.startswith(own) else ""


def _page_menu(page: Page, request: HttpRequest, current: str) -> LanguageMenu:
    translations = _translation_urls(page, request)
    route = _route_of(page, request)
    query = request.META.get("QUERY_STRING", "")
    homes: dict[str, str] = {}
    if len(translations) < len(settings.LANGUAGES):
        site = Site.find_for_request(request)
        if site is not None:
            homes = _translation_urls(site.root_page, request)
    links = []
    for code, name in settings.LANGUAGES:
        url = translations.get(code) or homes.get(code)
        if url is None:
            continue
        is_translation = code in translations
        if is_translation:
            url += route
        links.append(
            LanguageLink(
                code=code,
                name=name,
                # The same search or record in the other language, when it is a translation.
                url=f"{url}?{query}" if is_translation and query else url,
                current=code == current,
                is_translation=is_translation,
                full_url=request.build_absolute_uri(url) if is_translation else "",
            )
        )
    x_default = next((link.full_url for link in links if link.code == settings.LANGUAGE_CODE), "")
    return LanguageMenu(links, x_default)


def _view_menu(request: HttpRequest, current: str) -> LanguageMenu:
    path = request.get_full_path()
    links = [
        LanguageLink(code, name, translate_url(path, code), code == current, is_translation=False)
        for code, name in settings.LANGUAGES
    ]
    return LanguageMenu(links)


@register.simple_tag(takes_context=True)
def language_menu(context: template.Context) -> LanguageMenu:
    """The site's languages, each linking to this page's translation or that language's home."""
    request = context.get("request")
    if request is None:
        return LanguageMenu()
    current = get_language()
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        return _page_menu(page, request, current)
    return _view_menu(request, current)


@register.simple_tag(takes_context=True)
def site_frame(context: template.Context) -> Frame:
    """The menu, the library's profile, contacts and social accounts (library_site.core.frame)."""
    return frame_for(context.get("request"))


@register.simple_tag(takes_context=True)
def library_name(context: template.Context) -> str:
    """The library's name in the active language; WAGTAIL_SITE_NAME until it has a profile."""
    profile = frame_for(context.get("request")).profile
    return profile.name if profile else settings.WAGTAIL_SITE_NAME


@register.simple_tag(takes_context=True)
def absolute_url(context: template.Context, target: Page | str) -> str:
    """A page's or a path's address with the scheme and host the reader used."""
    request = context["request"]
    path = target.get_url(request) if isinstance(target, Page) else target
    return request.build_absolute_uri(path)


@register.inclusion_tag("includes/share.html", takes_context=True)
def share_links(context: template.Context, page: Page) -> dict:
    """Plain links that share ``page`` by e-mail, on social networks and on the reader's own
    Mastodon instance."""
    url = context["request"].build_absolute_uri(page.url)
    return {"links": links_for(page.title, url), "shared": page}


@register.simple_tag
def content_version() -> str:
    """Changes whenever what pages show changes: a fragment kept under it is never stale."""
    return page_cache.content_version()


@register.simple_tag
def open_graph_locale(language_code: str) -> str:
    return OPEN_GRAPH_LOCALES.get(language_code, language_code)
