"""The asyncio TCP server for devices: TLS, limits on size and connections, idle timeouts,
and a shutdown that lets requests in progress finish. Sockets only; the protocol is sans-IO."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import os
import socket
import ssl
from dataclasses import dataclass, field

from rfid_sip2.gateway.config import GatewayConfig, Listener
from rfid_sip2.gateway.service import GatewayService, Session
from rfid_sip2.gateway.tls import server_context
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


class CannotListen(Exception):
    """A listener's address cannot be bound: in use, not this machine's, or not allowed."""


def _bind_problem(error: OSError) -> str:
    if isinstance(error, socket.gaierror):
        return f"unknown host ({error.strerror})"
    return os.strerror(error.errno).lower() if error.errno else str(error)


def _on_the_network(address: str) -> bool:
    try:
        return not ipaddress.ip_address(address.split("%")[0]).is_loopback
    except ValueError:
        return True


class _IdleTimer:
    """Cancels a connection's task when it has waited for a device longer than allowed.

    One timer per connection, moved on lazily: a read only notes its deadline, and the timer,
    when it fires early, waits on for the rest. (``asyncio.timeout`` around every read made and
    cancelled a timer per request.) A request being answered is never cancelled by it.
    """

    def __init__(self, task: asyncio.Task) -> None:
        self._task = task
        self._loop = task.get_loop()
        self._deadline = 0.0
        self._handle: asyncio.TimerHandle | None = None
        self._waiting = False
        self.expired = False

    def waiting(self, seconds: float) -> None:
        """The connection now waits for the device, ``seconds`` at most."""
        self._deadline = self._loop.time() + seconds
        self._waiting = True
        if self._handle is None:
            self._handle = self._loop.call_at(self._deadline, self._fire)

    def busy(self) -> None:
        """The device sent something: no timeout until the next ``waiting``."""
        self._waiting = False

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self._handle = None

    def _fire(self) -> None:
        self._handle = None
        if not self._waiting:
            return  # answering a request: the next wait sets a timer again
        if self._loop.time() < self._deadline:
            self._handle = self._loop.call_at(self._deadline, self._fire)
            return
        self.expired = True
        self._task.cancel()


@dataclass
class _Connection:
    task: asyncio.Task
    writer: asyncio.StreamWriter
    busy: bool = False
    malformed: int = 0  # unusable frames in a row


BACKLOG = 1024  # connections waiting to be accepted: a whole library's devices at once


def bind(config: GatewayConfig) -> list[list[socket.socket]]:
    """Every listener's sockets, bound and listening, for worker processes to share (each
    accepts on them); raises CannotListen as ``GatewayServer.start`` does."""
    bound: list[list[socket.socket]] = []
    try:
        for listener in config.listeners:
            bound.append(_bind(listener))
    except BaseException:
        for sock in (sock for socks in bound for sock in socks):
            sock.close()
        raise
    return bound


def _bind(listener: Listener) -> list[socket.socket]:
    try:
        infos = socket.getaddrinfo(
            listener.host or None,
            listener.port,
            type=socket.SOCK_STREAM,
            flags=socket.AI_PASSIVE,
        )
    except OSError as error:
        raise CannotListen(
            f"cannot listen on {listener.host}:{listener.port}: {_bind_problem(error)}"
        ) from None
    socks: list[socket.socket] = []
    port = listener.port
    try:
        for family, kind, proto, _name, address in dict.fromkeys(infos):
            sock = socket.socket(family, kind, proto)
            socks.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            # Port 0: every address of the host on the port the first one got.
            sock.bind((address[0], port, *address[2:]))
            port = sock.getsockname()[1]
            sock.listen(BACKLOG)
            sock.setblocking(False)
    except OSError as error:
        for sock in socks:
            sock.close()
        raise CannotListen(
            f"cannot listen on {listener.host}:{listener.port}: {_bind_problem(error)}"
        ) from None
    return socks


@dataclass
class GatewayServer:
    """Listens for devices and hands each request to the service; on ``sockets`` (one list
    per listener, from ``bind``) when given, shared with other worker processes."""

    config: GatewayConfig
    service: GatewayService
    sockets: list[list[socket.socket]] | None = None
    servers: list[asyncio.base_events.Server] = field(default_factory=list)
    connections: dict[int, _Connection] = field(default_factory=dict)
    stopping: bool = False

    async def start(self) -> list[tuple[str, int]]:
        """Open every listener; returns the addresses actually bound (port 0 picks one).

        Raises ConfigError for a certificate that cannot be used and CannotListen for an
        address that cannot be bound, with the listeners opened so far closed again."""
        bound = []
        try:
            for index, listener in enumerate(self.config.listeners):
                socks = self.sockets[index] if self.sockets is not None else None
                bound += await self._listen(listener, f"listeners[{index}]", socks)
        except BaseException:
            for server in self.servers:
                server.close()
            raise
        return bound

    async def _listen(
        self, listener: Listener, where: str, socks: list[socket.socket] | None
    ) -> list[tuple[str, int]]:
        context = server_context(listener, where) if listener.tls else None
        limit = self.config.max_message_size * 2
        try:
            if socks is None:
                servers = [
                    await asyncio.start_server(
                        self._accept, listener.host, listener.port, ssl=context, limit=limit
                    )
                ]
            else:  # bound already, by the process that forked this one
                servers = [
                    await asyncio.start_server(self._accept, sock=sock, ssl=context, limit=limit)
                    for sock in socks
                ]
        except OSError as error:
            raise CannotListen(
                f"cannot listen on {listener.host}:{listener.port}: {_bind_problem(error)}"
            ) from None
        self.servers += servers
        bound = [sock.getsockname()[:2] for server in servers for sock in server.sockets]
        for host, port in bound:
            log.info("listening host=%s port=%s tls=%s", host, port, "yes" if context else "no")
            if context is None and _on_the_network(host):
                log.warning(
                    "plaintext listener on a network address host=%s port=%s: logins, "
                    "passwords and patron PINs cross the network readable; give it a "
                    "certificate and key (TLS) or listen on 127.0.0.1 behind a TLS terminator",
                    host,
                    port,
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
        idle = _IdleTimer(connection.task)
        try:
            while not self.stopping:
                idle.waiting(config.idle_timeout if protocol.logged_in else config.login_timeout)
                try:
                    data = await reader.read(READ_SIZE)
                except asyncio.CancelledError:
                    if not idle.expired:
                        raise
                    connection.task.uncancel()
                    log.info("idle timeout peer=%s", session.peer)
                    return
                idle.busy()
                if not data:
                    return
                connection.busy = True
                try:
                    protocol.receive_data(data)
                    if not await self._events(protocol, connection, session):
                        return
                    await writer.drain()
                finally:
                    connection.busy = False
        finally:
            idle.cancel()

    async def _events(
        self, protocol: AcsConnection, connection: _Connection, session: Session
    ) -> bool:
        """Act on what the device sent, one request at a time; False: close the connection."""
        writer = connection.writer
        while (event := protocol.next_event()) is not None:
            if isinstance(event, MessageReceived):
                connection.malformed = 0
                await self._answer(event, protocol, session, writer)
                if session.close_requested:
                    log.warning("closing after failed logins peer=%s", session.peer)
                    return False
            elif isinstance(event, Reply):
                writer.write(event.data)
            elif isinstance(event, Malformed):
                connection.malformed += 1
                log.info(
                    "malformed frame peer=%s reason=%r",
                    session.peer,
                    getattr(event.error, "reason", event.error),
                )
                writer.write(event.reply)
                # Junk before a login is no device of ours; junk without end, no device.
                if not protocol.logged_in or connection.malformed > MAX_MALFORMED:
                    log.warning("closing after malformed frames peer=%s", session.peer)
                    await writer.drain()
                    return False
            elif isinstance(event, LoginRequired):
                log.warning(
                    "request before login peer=%s command=%s: closing",
                    session.peer,
                    event.message.CODE,
                )
                return False
            elif isinstance(event, Ignored):
                log.info("ignored peer=%s reason=%r", session.peer, event.reason)
                if not protocol.logged_in:
                    return False
        return True

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
                protocol.follow_terminator = session.account.terminator is None
                protocol.error_detection = session.account.error_detection
            writer.write(protocol.respond(response))
            return
        response = await self.service.handle(message, session, event)
        writer.write(protocol.respond(response or RequestSCResend()))
