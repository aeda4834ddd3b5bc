"""Load the demo content idempotently: what exists is left alone, what is missing is created."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site as DjangoSite
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from library_site.core.models import (
    HomePage,
    LibraryProfile,
    LibrarySettings,
    OpeningPeriod,
    SocialAccount,
    StandardPage,
)
from library_site.demo.blog import ensure_blog
from library_site.demo.content import blog as blog_content
from library_site.demo.content import events as event_content
from library_site.demo.content import reference as reference_content
from library_site.demo.content import site as content
from library_site.demo.content import tours as tour_content
from library_site.demo.content.site import PageContent
from library_site.demo.content.text import TARGET_LANGUAGES, Catalogue, T
from library_site.demo.exhibitions import ensure_exhibitions
from library_site.demo.exhibitions import texts as exhibition_texts
from library_site.demo.images import ensure_images
from library_site.demo.reference import ensure_reference
from library_site.demo.tours import ensure_tour
from plugins.events.models import EventIndexPage, EventPage
from plugins.opac.models import CataloguePage


class DemoContentError(RuntimeError):
    """The demo content could not be loaded as written."""


def ensure_locales() -> list[Locale]:
    """Every language of the site as a Wagtail locale; returns the translation targets."""
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    return list(Locale.objects.filter(language_code__in=TARGET_LANGUAGES))


def translate(instance, catalogue: Catalogue, locales: list[Locale], slug: T | None = None) -> None:
    """Translate ``instance`` with wagtail-localize, filling each segment from ``catalogue``.

    A page's slug gets its translation from ``slug``. The result is what an editor gets by
    uploading a PO file: a synced translation they can edit.
    """
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    for locale in locales:
        if instance.has_translation(locale):
            continue
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        po = translation.export_po()
        for entry in po:
            if entry.msgctxt == "slug" and slug is not None:
                entry.msgstr = slug.in_language(locale.language_code)
            else:
                entry.msgstr = catalogue.translate(entry.msgid, locale.language_code)
        warnings = translation.import_po(po, tool_name="library20 demo")
        if warnings:
            raise DemoContentError(f"{instance}: {locale.language_code}: {warnings}")
        if isinstance(instance, Page):
            # wagtail-localize publishes pages on commit, from an instance whose tree counts are
            # stale by then (pages added later in the same transaction vanish from the menu);
            # save a draft and publish it now from the database instead.
            translation.save_target(publish=False)
            translation.get_target_instance().get_latest_revision().publish()
        else:
            translation.save_target(publish=True)


def _fill(page: Page, page_content: PageContent, images: dict) -> Page:
    page.title = page_content.title.en
    page.slug = page_content.slug.en
    page.intro = page_content.intro.en
    page.search_description = page_content.search_description.en
    page.body = [block.english(images) for block in page_content.body]
    page.social_image = images.get(page_content.social_image)
    return page


def ensure_home(site: Site, images: dict) -> HomePage:
    """The English home page as the site's root, replacing Wagtail's placeholder page."""
    previous_root = site.root_page.specific
    home = HomePage.objects.filter(depth=2, locale=Locale.get_default()).first()
    if home is None:
        root = Page.get_first_root_node()
        home = _fill(HomePage(), content.HOME, images)
        if root.get_children().filter(slug=home.slug).exists():
            home.slug = f"{home.slug}-{Locale.get_default().language_code}"
        root.add_child(instance=home)
        home.save_revision().publish()
    if site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    # Wagtail's "Welcome to your new Wagtail site!" page: a bare Page with nothing under it.
    if type(previous_root) is Page and previous_root.pk != home.pk and previous_root.is_leaf():
        previous_root.delete()
    return home


def ensure_page(parent: Page, page_content: PageContent, images: dict) -> StandardPage:
    existing = parent.get_children().filter(slug=page_content.slug.en).first()
    if existing is not None:
        return existing.specific
    page = _fill(StandardPage(show_in_menus=True), page_content, images)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_catalogue(parent: Page, page_content: PageContent) -> CataloguePage:
    """The catalogue page under the home page, first in the menu."""
    existing = CataloguePage.objects.child_of(parent).first()
    if existing is not None:
        return existing
    page = CataloguePage(
        title=page_content.title.en,
        slug=page_content.slug.en,
        intro=page_content.intro.en,
        search_description=page_content.search_description.en,
        show_in_menus=True,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_library_settings(site: Site, catalogue: Catalogue, locales: list[Locale]) -> None:
    library = LibrarySettings.for_site(site)
    if library.profile is None:
        profile = LibraryProfile.objects.filter(locale=Locale.get_default()).first()
        if profile is None:
            profile = LibraryProfile.objects.create(
                name=content.LIBRARY_NAME.en,
                address=content.LIBRARY_ADDRESS.en,
                opening_hours=content.OPENING_HOURS.en,
                locale=Locale.get_default(),
            )
        library.profile = profile
    library.phone = library.phone or content.PHONE
    library.email = library.email or content.EMAIL
    if not library.social_accounts.exists():
        library.social_accounts = [
            SocialAccount(network=network, url=url) for network, url in content.SOCIAL_ACCOUNTS
        ]
    if not library.opening_periods.exists():
        library.opening_periods = [
            OpeningPeriod(
                weekday=weekday,
                opens=time.fromisoformat(opens.zfill(5)),
                closes=time.fromisoformat(closes.zfill(5)),
            )
            for weekday, opens, closes in content.OPENING_PERIODS
        ]
    library.save()
    translate(library.profile, catalogue, locales)


def demo_catalogue() -> Catalogue:
    texts: list[T] = [content.LIBRARY_NAME, content.LIBRARY_ADDRESS, content.OPENING_HOURS]
    for page_content in (content.HOME, content.CATALOGUE, *content.PAGES):
        texts.extend(page_content.texts())
    texts.extend([event_content.EVENTS_TITLE, event_content.EVENTS_INTRO])
    for event in event_content.EVENTS:
        texts.extend(event.texts())
    texts.extend(blog_content.texts())
    texts.extend(exhibition_texts())
    texts.extend(tour_content.texts())
    texts.extend(reference_content.texts())
    return Catalogue(texts)


@transaction.atomic
def load_demo_content() -> Site:
    """Create whatever of the demo site is missing, in all four languages."""
    locales = ensure_locales()
    catalogue = demo_catalogue()
    images = ensure_images()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise DemoContentError("no default site: run library20 migrate first")
    home = ensure_home(site, images)
    translate(home, catalogue, locales, content.HOME.slug)
    catalogue_page = ensure_catalogue(home, content.CATALOGUE)
    translate(catalogue_page, catalogue, locales)  # its slug stays "catalogue" in every language
    for page_content in content.PAGES:
        page = ensure_page(home, page_content, images)
        translate(page, catalogue, locales, page_content.slug)
    ensure_events(home, catalogue, locales)
    ensure_blog(home, catalogue, locales, translate)
    ensure_exhibitions(home, catalogue, locales, translate)
    ensure_tour(home, catalogue, locales, translate)
    ensure_reference(home, catalogue, locales, translate)
    ensure_library_settings(site, catalogue, locales)
    name_mail_site(site)
    return site


def ensure_events(home: Page, catalogue: Catalogue, locales: list[Locale]) -> EventIndexPage:
    """The events page, in the menu, with the demo's events, dated from today."""
    index = EventIndexPage.objects.child_of(home).first()
    if index is None:
        index = EventIndexPage(
            title=event_content.EVENTS_TITLE.en,
            slug=event_content.EVENTS_PAGE_SLUG.en,
            intro=event_content.EVENTS_INTRO.en,
            show_in_menus=True,
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    translate(index, catalogue, locales, event_content.EVENTS_PAGE_SLUG)
    today = timezone.localdate()
    for event in event_content.EVENTS:
        page = EventPage.objects.child_of(index).filter(slug=event.slug.en).first()
        if page is None:
            page = _event_page(event, today)
            index.add_child(instance=page)
            page.save_revision().publish()
        translate(page, catalogue, locales, event.slug)
    return index


def _event_page(event: event_content.EventContent, today) -> EventPage:
    start = timezone.make_aware(
        datetime.combine(today + timedelta(days=event.days_from_now), time(event.hour))
    )
    return EventPage(
        title=event.title.en,
        slug=event.slug.en,
        summary=event.summary.en,
        start=start,
        end=start + timedelta(hours=event.hours),
        place=event.place.en,
        address=event.address.en if event.address else "",
        audience=event.audience,
        attendance=event.attendance,
        registration_url=event.registration_url,
        capacity=event.capacity,
        video_url=event.video_url,
        body=[("paragraph", f"<p>{text.en}</p>") for text in event.body],
        related_records=[("record", biblio_id) for biblio_id in event.related_records],
    )


def name_mail_site(site: Site) -> None:
    """django.contrib.sites' site (comment and allauth e-mails) named as the library, at the
    Wagtail site's address."""
    domain = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
    DjangoSite.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"name": content.LIBRARY_NAME.en, "domain": domain}
    )


def ensure_admin(username: str, password: str) -> None:
    """A superuser for the demo, with the given password (reset on every run so it is known)."""
    user_model = get_user_model()
    user, _created = user_model.objects.get_or_create(
        username=username, defaults={"email": f"{username}@library20.example"}
    )
    user.is_staff = user.is_superuser = user.is_active = True
    user.set_password(password)
    user.save()


def serve_site_at(hostname: str, port: int) -> None:
    """Name the default site by where the demo serves it, so full URLs (sitemap, mail) work."""
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = hostname, port
    site.save()
    name_mail_site(site)
