"""The site's browser fixtures (a live demo site, Chromium) for the events' browser tests."""

from tests.library_site.browser.conftest import browser, demo_site, page  # noqa: F401
