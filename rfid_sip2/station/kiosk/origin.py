"""Which requests may drive the kiosk: only its own page, at its own address.

A web page elsewhere (even one whose name resolves to 127.0.0.1) must not press the kiosk's
buttons: the Host of every request must be the kiosk's own, and a POST must come from the kiosk's
own origin, as browsers state it in Origin (or, failing that, Referer).
"""

from __future__ import annotations

from collections.abc import Collection
from urllib.parse import urlsplit

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
EVERY_ADDRESS = ("0.0.0.0", "[::]", "")


def own_hosts(host: str, port: int) -> frozenset[str]:
    """The Host values the kiosk answers to when it listens on ``host``:``port``.

    A loopback address also answers to the other loopback names. Listening on every address
    (0.0.0.0) answers to the loopback names only: a screen on another machine is given the
    kiosk's own address to listen on, and answers to that.
    """
    name = f"[{host}]" if ":" in host and not host.startswith("[") else host
    if name in LOOPBACK_NAMES or name in EVERY_ADDRESS:
        names = {*LOOPBACK_NAMES} | ({name} - set(EVERY_ADDRESS))
    else:
        names = {name}
    return frozenset(f"{each}:{port}" for each in names)


def host_allowed(host_header: str | None, hosts: Collection[str]) -> bool:
    return host_header is not None and host_header.lower() in hosts


def post_allowed(origin: str | None, referer: str | None, hosts: Collection[str]) -> bool:
    """A POST is the kiosk's own when its Origin (else its Referer) names one of ``hosts``.

    Browsers send Origin with every form POST; a request with neither header does not come
    from a browser page, and the Host check already keeps other sites' names out.
    """
    source = origin if origin is not None else referer
    if source is None:
        return True
    parts = urlsplit(source)
    return parts.scheme == "http" and parts.netloc.lower() in hosts
