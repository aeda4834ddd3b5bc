"""RFID readers over serial ports (pyserial URLs), one driver per protocol, and a simulator.

``open_reader("/dev/ttyUSB0")`` opens a 3M 810; ``open_reader("socket://host:port", "feig")``
a Feig ISO host reader behind a serial-to-TCP bridge.
"""

from __future__ import annotations

from rfid_sip2.rfid.readers.base import Reader

PROTOCOLS = ("3m", "feig")


def open_reader(url: str, protocol: str = "3m", **options) -> Reader:
    """A driver for the reader at ``url`` (a device path, ``socket://``, ``rfc2217://``,
    ``loop://``), its port open. Options: ``timeout`` and ``reset_after`` for the link, and the
    driver's own (``policy``, ``blocks_per_read``…). ReaderUnavailable if the port will not open."""
    if protocol == "3m":
        from rfid_sip2.rfid.readers.threem_reader import ThreeMReader

        return ThreeMReader.open(url, **options)
    if protocol == "feig":
        from rfid_sip2.rfid.readers.feig_reader import FeigReader

        return FeigReader.open(url, **options)
    raise ValueError(f"unknown reader protocol {protocol!r}: use one of {', '.join(PROTOCOLS)}")
