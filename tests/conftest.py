"""Test set-up shared by the whole suite: translations built, media in a temporary folder."""

import dataclasses
from pathlib import Path

import pytest
from django.conf import settings

from library_site.core.management.commands.compilemessages import compile_catalogues

pytest_plugins = ["tests.koha_fixtures"]


def pytest_configure(config: pytest.Config) -> None:
    compile_catalogues([Path(path) for path in settings.LOCALE_PATHS])


@pytest.fixture(autouse=True, scope="session")
def _media_root(tmp_path_factory: pytest.TempPathFactory) -> None:
    settings.MEDIA_ROOT = str(tmp_path_factory.mktemp("media"))


@pytest.fixture(autouse=True, scope="session")
def _koha_sandbox_outside_the_checkout(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The site's own Koha sandbox, if a test reaches it, lives in a temporary folder."""
    path = tmp_path_factory.mktemp("koha") / "koha-sandbox.sqlite3"
    settings.KOHA = dataclasses.replace(settings.KOHA, sandbox_path=path)


@pytest.fixture(autouse=True)
def _site_language():
    """A request in another language leaves it active in the thread: each test starts in the
    site's own language, as a process does."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _empty_cache():
    """The cache outlives a test's database changes: each test starts from nothing."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, _media_root):
    """Every database test starts from the multilingual demo site."""
    from library_site.demo.loader import load_demo_content

    with django_db_blocker.unblock():
        load_demo_content()
