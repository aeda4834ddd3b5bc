"""The asyncio TCP server for devices: TLS, limits on size and connections, idle timeouts,
and a shutdown that lets requests in progress finish. Sockets only; the protocol is sans-IO."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import ssl
from dataclasses import dataclass, field

from rfid_sip2.gateway.config import GatewayConfig, Listener
from rfid_sip2.gateway.service import GatewayService, Session
from rfid_sip2.sip2.connection import (
    AcsConnection,
    Ignored,
    LoginRequired,
    Malformed,
    MessageReceived,
    Reply,
)
from rfid_sip2.sip2.messages import LoginRequest, RequestSCResend

log = logging.getLogger(__name__)
READ_SIZE = 4096
MAX_MALFORMED = 10  # unusable frames in a row before the connection is dropped


def tls_context(listener: Listener) -> ssl.SSLContext | None:
    if not listener.tls:
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(listener.certificate, listener.key)
    if listener.client_ca is not None:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(listener.client_ca)
    return context


@dataclass
class _Connection:
    task: asyncio.Task
    writer: asyncio.StreamWriter
    busy: bool = False


@dataclass
class GatewayServer:
    """Listens for devices and hands each request to the service."""

    config: GatewayConfig
    service: GatewayService
    servers: list[asyncio.base_events.Server] = field(default_factory=list)
    connections: dict[int, _Connection] = field(default_factory=dict)
    stopping: bool = False

    async def start(self) -> list[tuple[str, int]]:
        """Open every listener; returns the addresses actually bound (port 0 picks one)."""
        bound = []
        for listener in self.config.listeners:
            server = await asyncio.start_server(
                self._accept,
                listener.host,
                listener.port,
                ssl=tls_context(listener),
                limit=self.config.max_message_size * 2,
            )
            self.servers.append(server)
            for sock in server.sockets:
                address = sock.getsockname()[:2]
                bound.append(address)
                log.info(
                    "listening host=%s port=%s tls=%s",
                    address[0],
                    address[1],
                    "yes" if listener.tls else "no",
                )
        return bound

    async def stop(self) -> None:
        """Stop accepting, let requests in progress finish (up to the grace period), close."""
        self.stopping = True
        for server in self.servers:
            server.close()
        for connection in list(self.connections.values()):
            if not connection.busy:
                connection.task.cancel()
        pending = [c.task for c in self.connections.values()]
        if pending:
            _done, late = await asyncio.wait(pending, timeout=self.config.shutdown_grace)
            for task in late:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        for server in self.servers:
            await server.wait_closed()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peername = writer.get_extra_info("peername") or ("?", 0)
        address, peer = str(peername[0]), f"{peername[0]}:{peername[1]}"
        if self.stopping or len(self.connections) >= self.config.max_connections:
            log.warning(
                "connection refused peer=%s reason=%s",
                peer,
                "shutting down" if self.stopping else "too many connections",
            )
            writer.close()
            return
        task = asyncio.current_task()
        connection = _Connection(task, writer)
        self.connections[id(task)] = connection
        try:
            await self._serve(reader, writer, connection, Session(peer, address))
        except asyncio.CancelledError:
            pass
        except (ConnectionError, ssl.SSLError, OSError) as error:
            log.info("connection lost peer=%s reason=%s", peer, error)
        except Exception:
            # One device's trouble must never take the gateway down.
            log.exception("connection failed peer=%s", peer)
        finally:
            self.connections.pop(id(task), None)
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()

    async def _serve(self, reader, writer, connection: _Connection, session: Session) -> None:
        config = self.config
        protocol = AcsConnection(
            login_required=True,
            status_before_login=config.status_before_login,
            max_frame=config.max_message_size,
        )
        malformed = 0
        while not self.stopping:
            timeout = config.idle_timeout if protocol.logged_in else config.login_timeout
            try:
                data = await asyncio.wait_for(reader.read(READ_SIZE), timeout)
            except TimeoutError:
                log.info("idle timeout peer=%s", session.peer)
                return
            if not data:
                return
            connection.busy = True
            try:
                for event in protocol.receive_data(data):
                    if isinstance(event, MessageReceived):
                        malformed = 0
                        await self._answer(event, protocol, session, writer)
                        if session.close_requested:
                            log.warning("closing after failed logins peer=%s", session.peer)
                            return
                    elif isinstance(event, Reply):
                        writer.write(event.data)
                    elif isinstance(event, Malformed):
                        malformed += 1
                        log.info(
                            "malformed frame peer=%s reason=%r",
                            session.peer,
                            getattr(event.error, "reason", event.error),
                        )
                        writer.write(event.reply)
                        # Junk before a login is no device of ours; junk without end, no device.
                        if not protocol.logged_in or malformed > MAX_MALFORMED:
                            log.warning("closing after malformed frames peer=%s", session.peer)
                            await writer.drain()
                            return
                    elif isinstance(event, LoginRequired):
                        log.warning(
                            "request before login peer=%s command=%s: closing",
                            session.peer,
                            event.message.CODE,
                        )
                        return
                    elif isinstance(event, Ignored):
                        log.info("ignored peer=%s reason=%r", session.peer, event.reason)
                        if not protocol.logged_in:
                            return
                await writer.drain()
            finally:
                connection.busy = False

    async def _answer(
        self,
        event: MessageReceived,
        protocol: AcsConnection,
        session: Session,
        writer: asyncio.StreamWriter,
    ) -> None:
        message = event.message
        if isinstance(message, LoginRequest):
            response = self.service.login(message, session)
            if session.account is not None:
                # From now on the connection speaks as the account says.
                protocol.options = session.account.codec_options()
                protocol.error_detection = session.account.error_detection
            writer.write(protocol.respond(response))
            return
        response = await self.service.handle(message, session, event)
        writer.write(protocol.respond(response or RequestSCResend()))
