"""The Koha client for the site, configured from Django's settings."""

from django.conf import settings

from koha_bridge.client import KohaClient


def koha_client() -> KohaClient:
    return KohaClient(settings.KOHA)
