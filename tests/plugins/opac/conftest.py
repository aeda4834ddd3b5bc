"""The catalogue as the site shows it: records synced from the sandbox, Koha reached by the site."""

from __future__ import annotations

import pytest

from plugins.opac.sync import sync_catalogue


@pytest.fixture
def catalogue(koha_client):
    """The sandbox's 74 records in the site's catalogue."""
    sync_catalogue(koha_client)


@pytest.fixture
def site_koha(settings, sandbox, sandbox_config):
    """The site's own Koha (settings.KOHA) is this test's sandbox; returns the sandbox."""
    settings.KOHA = sandbox_config
    return sandbox
