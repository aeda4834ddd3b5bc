"""The SIP2 client's own edges: what it does with a peer that stops answering."""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading

import trustme

from rfid_sip2.client import SipClient

# asyncio waits this long (its ssl_shutdown_timeout) for a TLS peer's close_notify by default.
ASYNCIO_SSL_SHUTDOWN_TIMEOUT = 30.0


class SilentTlsPeer:
    """Completes TLS handshakes, then reads nothing: a close_notify is never answered."""

    def __init__(self, authority: trustme.CA) -> None:
        self.context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        authority.issue_cert("127.0.0.1").configure_cert(self.context)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.held: list[ssl.SSLSocket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                sock, _ = self.listener.accept()
            except OSError:
                return
            self.held.append(self.context.wrap_socket(sock, server_side=True))

    def close(self) -> None:
        self.listener.close()
        for sock in self.held:
            sock.close()


def test_closing_a_tls_link_to_a_peer_that_never_answers_does_not_hang():
    authority = trustme.CA()
    peer = SilentTlsPeer(authority)
    client_context = ssl.create_default_context()
    authority.configure_trust(client_context)
    client = SipClient(
        "127.0.0.1", peer.port, ssl_context=client_context, server_hostname="127.0.0.1"
    )

    async def connect_then_close() -> None:
        await client.connect()
        assert client.connected
        # Far less than asyncio's own wait for the peer's close_notify: closing must not wait
        # for a peer that stopped answering (a gateway shutting down would hang on it).
        await asyncio.wait_for(client.close(), ASYNCIO_SSL_SHUTDOWN_TIMEOUT / 3)

    try:
        asyncio.run(connect_then_close())
    finally:
        peer.close()
    assert not client.connected
