"""A real headless Chromium (Debian's package) driven by Playwright, against the live site."""

import pytest

from plugins.opac.sync import sync_catalogue
from tests.services import chromium


@pytest.fixture
def demo_site(transactional_db, live_server):
    """The live server, on the demo content (put back after every transactional test)."""
    return live_server


@pytest.fixture
def catalogue(demo_site, koha_client, settings, sandbox_config):
    """The sandbox's records in the live site, which asks the same sandbox for availability.

    Asked for before the browser: Playwright's event loop keeps the database from this thread.
    """
    sync_catalogue(koha_client)
    settings.KOHA = sandbox_config
    return demo_site


@pytest.fixture
def browser(demo_site):
    """Chromium for one test.

    Playwright keeps an event loop running in the test thread, which gives the thread other
    database connections; so it starts after the database is ready and stops before it is reset.
    """
    with chromium() as browser:
        yield browser


@pytest.fixture
def blank_page():
    """A page of Chromium with no site behind it, for markup a test writes itself."""
    with chromium() as browser:
        yield browser.new_page()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="en-GB")
    yield context.new_page()
    context.close()
