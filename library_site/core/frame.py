"""What every page's frame shows: the menu, the library's profile, contacts and social accounts.

Built once per site and language and kept in the cache, so a page pays for its own content
only; anything an editor changes in it (publishing, moving or deleting a page, the library's
settings or profile, view restrictions) forgets every frame at once (core.site_changes).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, Subquery
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page, Site

from library_site.core.models import LibraryProfile, LibrarySettings, SocialAccount

FRAME_SECONDS = 300  # a bound on staleness where processes do not share the cache


@dataclass(frozen=True)
class Frame:
    home: Page | None = None  # the home page in the active language
    items: list[Page] = field(default_factory=list)  # its children shown in the menu
    profile: LibraryProfile | None = None  # name, address, hours in the active language
    library: LibrarySettings | None = None  # phone, e-mail
    social: list[SocialAccount] = field(default_factory=list)


def _key(site_id: int, language: str) -> str:
    return f"site-frame:{site_id}:{language}"


def frame_for(request: HttpRequest | None) -> Frame:
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return Frame()
    key = _key(site.pk, get_language())
    found = cache.get(key)
    if found is None:
        found = _built(site)
        cache.set(key, found, FRAME_SECONDS)
    return found


def _built(site: Site) -> Frame:
    language = get_language()
    root = site.root_page
    home = (
        Page.objects.filter(translation_key=root.translation_key, locale__language_code=language)
        .live()
        .first()
    ) or root
    library = LibrarySettings.for_site(site)
    return Frame(
        home=home,
        items=list(home.get_children().live().in_menu().public()),
        profile=_profile(library, language),
        library=library,
        social=list(library.social_accounts.all()),
    )


def _profile(library: LibrarySettings, language: str) -> LibraryProfile | None:
    """The profile in the active language if it is translated, else the one the settings name."""
    if library.profile_id is None:
        return None
    candidates = LibraryProfile.objects.filter(
        Q(pk=library.profile_id)
        | Q(
            translation_key=Subquery(
                LibraryProfile.objects.filter(pk=library.profile_id).values("translation_key")
            ),
            locale__language_code=language,
        )
    ).select_related("locale")
    by_language = {profile.locale.language_code: profile for profile in candidates}
    return by_language.get(language) or next(iter(by_language.values()), None)


def forget_frames() -> None:
    sites = Site.objects.values_list("pk", flat=True)
    cache.delete_many([_key(s, code) for s in sites for code, _name in settings.LANGUAGES])
