"""The simulator's control channel: one command a line over TCP, for the CLI and the demo.

Each command is answered by zero or more data lines, then ``ok`` or ``error: <why>``::

    place UID [MEMORY_HEX] [afi=HH] [dsfid=HH] [eas=0|1] [locked=N,N…]
                             put a tag on the pad (a known tag without memory comes back as it was)
    remove UID               lift a tag off the pad
    tags                     one line a tag: UID pad=1 afi=07 dsfid=06 eas=0 locked= memory=HEX
    fail-writes N            the next N writes are refused (3M 0x16, Feig 0x03)
    drop-writes N            the next N writes answer OK but change nothing
    lift-during-write N [UID]
                             the next write (to UID, or to any tag) lands N blocks, then its
                             tag leaves the pad (an AFI or EAS write lands when N >= 1)
    garble-replies N         the next N replies arrive with a bad CRC
    hang                     the reader stops answering
    unplug                   the reader's port disappears
    plug                     the reader is back (after hang or unplug)
    help                     this list

For example ``printf 'place E004010012345678 afi=07\\ntags\\n' | nc 127.0.0.1 7001``.
"""

from __future__ import annotations

import contextlib
import socket
from typing import TYPE_CHECKING

from rfid_sip2.rfid.simulator.listener import Listener

if TYPE_CHECKING:
    from rfid_sip2.rfid.simulator.server import SimulatedReader

COMMANDS = (
    "place UID [MEMORY_HEX] [afi=HH] [dsfid=HH] [eas=0|1] [locked=N,N...]",
    "remove UID",
    "tags",
    "fail-writes N",
    "drop-writes N",
    "lift-during-write N [UID]",
    "garble-replies N",
    "hang",
    "unplug",
    "plug",
    "help",
)


class ControlError(Exception):
    """A command line that cannot be carried out; the message goes back after ``error:``."""


def execute(reader: SimulatedReader, line: str) -> list[str]:
    """The reply lines to one command line, the last one ``ok`` or ``error: …``."""
    words = line.split()
    if not words:
        return []
    try:
        return [*_run(reader, words[0].lower(), words[1:]), "ok"]
    except KeyError as error:
        return [f"error: {error.args[0]}"]
    except (ControlError, ValueError) as error:
        return [f"error: {error}"]


def _run(reader: SimulatedReader, command: str, args: list[str]) -> list[str]:
    if command == "place":
        return _place(reader, args)
    if command == "remove":
        _arity(args, 1)
        reader.remove(args[0])
        return []
    if command == "tags":
        return [describe(tag) for tag in reader.tags()]
    if command == "lift-during-write":
        if len(args) not in (1, 2):
            raise ControlError(f"expected 1 or 2 arguments, got {len(args)}")
        reader.lift_during_write(int(args[0]), *args[1:])
        return []
    counted = {
        "fail-writes": reader.fail_writes,
        "drop-writes": reader.drop_writes,
        "garble-replies": reader.garble_replies,
    }
    if command in counted:
        _arity(args, 1)
        counted[command](int(args[0]))
        return []
    plain = {"hang": reader.hang, "unplug": reader.unplug, "plug": reader.plug}
    if command in plain:
        _arity(args, 0)
        plain[command]()
        return []
    if command == "help":
        return list(COMMANDS)
    raise ControlError(f"unknown command {command!r}; try help")


def _place(reader: SimulatedReader, args: list[str]) -> list[str]:
    if not args:
        raise ControlError("place needs a UID")
    uid, memory, state = args[0], None, {}
    for arg in args[1:]:
        name, equals, value = arg.partition("=")
        if not equals:
            memory = bytes.fromhex(arg)
        elif name in ("afi", "dsfid"):
            state[name] = int(value, 16)
        elif name == "eas":
            state[name] = value not in ("0", "no", "false")
        elif name == "locked":
            state[name] = frozenset(int(n) for n in value.split(",") if n)
        else:
            raise ControlError(f"unknown tag setting {name!r}")
    return [describe(reader.place(uid, memory, **state))]


def _arity(args: list[str], count: int) -> None:
    if len(args) != count:
        raise ControlError(f"expected {count} argument(s), got {len(args)}")


def describe(tag) -> str:
    """One line for a simulated tag, as ``tags`` lists it."""
    return (
        f"{tag.uid_hex} pad={int(tag.on_pad)} afi={tag.afi:02X} dsfid={tag.dsfid:02X} "
        f"eas={int(tag.eas)} locked={','.join(map(str, sorted(tag.locked)))} "
        f"memory={tag.memory.hex().upper()}"
    )


class ControlChannel(Listener[bytes]):
    """The control channel's TCP endpoint, run by the simulator's selector; each connection
    keeps the part of a line not ended yet."""

    def __init__(self, reader: SimulatedReader, host: str, port: int) -> None:
        super().__init__(host, port)
        self.reader = reader

    def _start(self, connection: socket.socket) -> bytes:
        return b""

    def _received(self, connection: socket.socket, data: bytes) -> None:
        *lines, rest = (self._connections[connection] + data).split(b"\n")
        self._connections[connection] = rest
        for line in lines:
            reply = execute(self.reader, line.decode("utf-8", "replace"))
            with contextlib.suppress(OSError):
                connection.sendall("".join(f"{text}\n" for text in reply).encode())
