"""Test set-up shared by the whole suite: translations built, media in a temporary folder."""

import dataclasses
from pathlib import Path

import pytest
from django.conf import settings
from pytest_django.plugin import blocking_manager_key

from library_site.core.management.commands.compilemessages import compile_catalogues
from tests import database_snapshot

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


_demo_database: database_snapshot.Snapshot | None = None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, _media_root):
    """Every database test starts from the multilingual demo site."""
    from library_site.demo.loader import load_demo_content

    global _demo_database
    with django_db_blocker.unblock():
        load_demo_content()
        _demo_database = database_snapshot.take()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    """A transactional test empties the database when it ends: the demo site is put back.

    Tests run in any order across processes, so the next test of this process may be one that
    expects the demo, whatever kind it is.
    """
    result = yield
    # After the process's last test the session's fixtures are gone, the test database with them.
    if _demo_database is not None and nextitem is not None and _empties_the_database(item):
        with item.config.stash[blocking_manager_key].unblock():
            _demo_database.restore()
    return result


def _empties_the_database(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")):
        return True
    fixtures = getattr(item, "fixturenames", ())
    return "transactional_db" in fixtures or "live_server" in fixtures
