"""The demo content: complete in four languages, real wagtail-localize translations, idempotent."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import Translation

from library_site.core.models import HomePage, LibraryProfile, StandardPage
from library_site.demo.content.text import Catalogue, MissingDemoTranslation, T
from library_site.demo.loader import ensure_admin, load_demo_content

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "ru", "uk", "ro"]


SLUGS = {
    "en": ["about", "contacts", "visiting"],
    "ru": ["kak-nas-posetit", "kontakty", "o-biblioteke"],
    "uk": ["kontakty", "pro-biblioteku", "yak-nas-vidvidaty"],
    "ro": ["contact", "despre-biblioteca", "vizitati-ne"],
}


def test_every_language_has_a_home_page_and_the_three_standard_pages():
    for code in LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        home = HomePage.objects.live().get(locale=locale)
        children = StandardPage.objects.live().child_of(home).filter(locale=locale)
        assert children.count() == 3


def test_translated_pages_have_slugs_in_their_own_language_as_an_editor_would_give():
    for code, slugs in SLUGS.items():
        pages = StandardPage.objects.live().filter(locale__language_code=code)
        assert sorted(pages.values_list("slug", flat=True)) == slugs, code


def test_translations_are_managed_by_wagtail_localize():
    english = StandardPage.objects.get(slug="about", locale__language_code="en")

    translations = Translation.objects.filter(source__object_id=english.translation_key)

    assert sorted(t.target_locale.language_code for t in translations) == ["ro", "ru", "uk"]
    assert all(t.enabled for t in translations)
    for translation in translations:
        total, translated = translation.get_progress()
        assert total == translated > 0, translation.target_locale


def test_library_profile_exists_in_every_language():
    names = dict(LibraryProfile.objects.values_list("locale__language_code", "name"))

    assert names == {
        "en": "Prut Valley Public Library",
        "ru": "Публичная библиотека долины Прута",
        "uk": "Публічна бібліотека долини Пруту",
        "ro": "Biblioteca Publică Valea Prutului",
    }


def test_the_demo_library_has_the_opening_periods_its_hours_text_gives():
    from datetime import time

    from library_site.core.models import LibrarySettings, OpeningPeriod

    periods = OpeningPeriod.objects.filter(settings__in=LibrarySettings.objects.all())
    found = sorted(periods.values_list("weekday", "opens", "closes"))

    assert found == [*((day, time(9), time(19)) for day in range(5)), (5, time(10), time(16))]
    assert (
        "Monday–Friday 9:00–19:00"
        in LibraryProfile.objects.get(locale__language_code="en").opening_hours
    )


def test_loading_again_changes_nothing():
    pages, revisions, profiles = (
        Page.objects.count(),
        Revision.objects.count(),
        LibraryProfile.objects.count(),
    )

    load_demo_content()

    assert (Page.objects.count(), Revision.objects.count(), LibraryProfile.objects.count()) == (
        pages,
        revisions,
        profiles,
    )


def test_loading_again_keeps_an_editors_changes():
    about = StandardPage.objects.get(slug="pro-biblioteku", locale__language_code="uk")
    about.intro = "Змінено редактором."
    about.save_revision().publish()

    load_demo_content()

    about.refresh_from_db()
    assert about.intro == "Змінено редактором."


def test_catalogue_refuses_a_string_it_has_no_translation_for():
    catalogue = Catalogue([T("Hello", "Привет", "Привіт", "Salut")])

    assert catalogue.translate("Hello", "uk") == "Привіт"
    with pytest.raises(MissingDemoTranslation, match="no ro translation for 'Goodbye'"):
        catalogue.translate("Goodbye", "ro")


def test_catalogue_matches_line_breaks_as_wagtail_localize_shows_them():
    catalogue = Catalogue([T("a\nb", "а\nб", "а\nб", "a\nb")])

    assert catalogue.translate("a<br/>b", "ru") == "а<br/>б"


def test_admin_account_gets_the_given_password():
    ensure_admin("admin", "first-password")
    ensure_admin("admin", "second-password")

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password("second-password")


def test_demo_command_refuses_to_run_outside_the_development_settings(settings):
    settings.DEMO_ALLOWED = False

    with pytest.raises(CommandError, match="development settings"):
        call_command("demo")


def test_every_language_has_the_catalogue_page_at_catalogue_in_its_menu():
    from plugins.opac.models import CataloguePage

    pages = CataloguePage.objects.live().select_related("locale")

    assert sorted((p.locale.language_code, p.slug, p.show_in_menus) for p in pages) == [
        (code, "catalogue", True) for code in sorted(LANGUAGES)
    ]
    titles = {p.locale.language_code: p.title for p in pages}
    assert titles == {"en": "Catalogue", "ru": "Каталог", "uk": "Каталог", "ro": "Catalog"}


def test_the_catalogue_page_is_translated_with_wagtail_localize():
    from plugins.opac.models import CataloguePage

    english = CataloguePage.objects.get(locale__language_code="en")
    translations = Translation.objects.filter(source__object_id=english.translation_key)

    assert sorted(t.target_locale.language_code for t in translations) == ["ro", "ru", "uk"]
    for translation in translations:
        total, translated = translation.get_progress()
        assert total == translated > 0, translation.target_locale
