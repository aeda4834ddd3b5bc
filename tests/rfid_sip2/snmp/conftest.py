"""The station tests' library (the gateway on the sandbox, in a thread), for a station here."""

from tests.rfid_sip2.station.conftest import library  # noqa: F401
