"""Tests: fast hashing, in-memory cache and mail; DATABASE_URL picks SQLite or PostgreSQL."""

from library_site.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production-use"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
RQ_QUEUES: dict = {}  # jobs run in the test, after its transaction
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_DELIVERY_BACKEND = EMAIL_BACKEND  # where the queued backend sends, when a test uses it
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Static files straight from the source folders: the tests run without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Each test's catalogue is new: counts remembered by an earlier test must not answer it
# (tests/plugins/opac/search/test_search_cache.py turns the cache on).
CATALOGUE_SEARCH_CACHE_SECONDS = 0
# Tests change the database between requests; tests/library_site/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
# Nothing reaches the internet: only the site's own video player answers for embeds.
WAGTAILEMBEDS_FINDERS = [{"class": "plugins.events.embeds.VideoFileFinder"}]
# The live chat's sockets and the test share one process (tests/plugins/reference/chat use Redis
# by name where they mean it).
CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
