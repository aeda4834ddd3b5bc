"""The site's browser fixtures: Chromium against the live demo site."""

from tests.library_site.browser.conftest import browser, catalogue, demo_site, page  # noqa: F401
