"""The sandbox fixtures of the Koha bridge tests, for the catalogue's Django side."""

from tests.koha_bridge.conftest import (  # noqa: F401 - fixtures
    client,
    clock,
    sandbox,
    sandbox_config,
    seeded_database,
)
