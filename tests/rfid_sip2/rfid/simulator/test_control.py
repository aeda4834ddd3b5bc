"""The simulator's control channel over TCP, one command a line."""

from __future__ import annotations

import socket

import pytest

from rfid_sip2.rfid.simulator import SimulatedReader
from rfid_sip2.rfid.simulator.control import execute


@pytest.fixture
def reader():
    with SimulatedReader("3m") as simulated:
        yield simulated


def converse(address: tuple[str, int], *lines: str) -> list[str]:
    """Send the lines; read until as many ``ok``/``error`` lines came back."""
    with socket.create_connection(address, timeout=5) as connection:
        connection.sendall("".join(f"{line}\n" for line in lines).encode())
        replies: list[str] = []
        stream = connection.makefile("r")
        while sum(line == "ok" or line.startswith("error: ") for line in replies) < len(lines):
            replies.append(stream.readline().rstrip("\n"))
    return replies


def test_tags_placed_over_the_control_channel_are_on_the_pad(reader):
    address = reader.serve_control()
    replies = converse(address, "place E004010012345678 00112233 afi=C2 eas=1", "tags")
    assert replies[-2:] == [
        "E004010012345678 pad=1 afi=C2 dsfid=00 eas=1 locked= memory=00112233",
        "ok",
    ]
    assert reader.tag("E004010012345678").afi == 0xC2


def test_faults_and_the_port_are_driven_by_command(reader):
    reader.place("E004010012345678", bytes(8))
    assert execute(reader, "fail-writes 2") == ["ok"]
    assert execute(reader, "lift-during-write 1") == ["ok"]
    assert execute(reader, "lift-during-write 0 E004010012345678") == ["ok"]
    assert execute(reader, "remove E004010012345678") == ["ok"]
    assert execute(reader, "hang") == ["ok"] and reader.hung
    assert execute(reader, "unplug") == ["ok"] and not reader.plugged
    assert execute(reader, "plug") == ["ok"] and reader.plugged and not reader.hung
    assert not reader.tag("E004010012345678").on_pad


def test_bad_commands_are_answered_with_an_error_line(reader):
    assert execute(reader, "bogus") == ["error: unknown command 'bogus'; try help"]
    assert execute(reader, "remove E004010012345678") == ["error: no tag E004010012345678"]
    assert execute(reader, "fail-writes") == ["error: expected 1 argument(s), got 0"]
    assert execute(reader, "place E004 afi=07")[0].startswith("error: ")
    assert execute(reader, "help")[-1] == "ok"
