"""``rfid-sip2 reader …``: a simulated reader for the demo, and inventory/read for installers."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from pathlib import Path

from rfid_sip2.rfid.readers import PROTOCOLS, open_reader
from rfid_sip2.rfid.readers.base import ReaderError
from rfid_sip2.rfid.readers.uid import UID_LENGTH

EXIT_OK, EXIT_USAGE, EXIT_READER = 0, 2, 3


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add ``reader simulate|inventory|read`` to the ``rfid-sip2`` command line."""
    reader = subparsers.add_parser("reader", help="RFID readers: simulate one, list tags, read")
    actions = reader.add_subparsers(dest="reader_action", required=True)

    simulate = actions.add_parser("simulate", help="a simulated reader on a pty or TCP socket")
    simulate.add_argument("--protocol", choices=PROTOCOLS, default="3m")
    where = simulate.add_mutually_exclusive_group(required=True)
    where.add_argument("--pty", action="store_true", help="serve on a new pseudo-terminal")
    where.add_argument("--listen", metavar="HOST:PORT", help="serve on TCP (socket://HOST:PORT)")
    simulate.add_argument("--control", metavar="HOST:PORT", help="line-based control channel")
    simulate.add_argument("--tags", metavar="FILE.json", help="tags on the pad at start")
    simulate.add_argument(
        "--duplicates", action="store_true", help="tags answer inventories twice, as on a real pad"
    )
    simulate.set_defaults(run=run_simulator)

    for name, text in (("inventory", "the tags on a reader"), ("read", "a tag's memory in hex")):
        action = actions.add_parser(name, help=text)
        action.add_argument("--reader", required=True, metavar="URL", help="device or pyserial URL")
        action.add_argument("--protocol", choices=PROTOCOLS, default="3m")
        action.add_argument("--timeout", type=float, default=0.5, help="seconds per reply")
    read = actions.choices["read"]
    read.add_argument("uid", help="the tag's UID in hex, as inventory prints it")
    read.add_argument("--first", type=int, default=0, help="first block (default 0)")
    read.add_argument("--blocks", type=int, default=28, help="how many blocks (default 28)")
    actions.choices["inventory"].set_defaults(run=run_inventory)
    read.set_defaults(run=run_read)


def run_inventory(args: argparse.Namespace) -> int:
    try:
        reader = open_reader(args.reader, args.protocol, timeout=args.timeout)
        try:
            tags = reader.inventory()
        finally:
            reader.close()
    except ReaderError as error:
        return _failed(str(error))
    for tag in tags:
        dsfid = "" if tag.dsfid is None else f" dsfid={tag.dsfid:02X}"
        print(f"{tag.uid_hex}{dsfid}")
    return EXIT_OK


def run_read(args: argparse.Namespace) -> int:
    try:
        uid = bytes.fromhex(args.uid)
    except ValueError:
        uid = b""
    if len(uid) != UID_LENGTH:
        return _failed(f"{args.uid!r} is not a tag UID (16 hex digits)", EXIT_USAGE)
    try:
        reader = open_reader(args.reader, args.protocol, timeout=args.timeout)
        try:
            memory = reader.read_blocks(uid, args.first, args.blocks)
        finally:
            reader.close()
    except ReaderError as error:
        return _failed(str(error))
    print(memory.hex().upper())
    return EXIT_OK


def run_simulator(args: argparse.Namespace) -> int:
    from rfid_sip2.rfid.simulator import SimulatedReader

    reader = SimulatedReader(args.protocol, duplicates=args.duplicates)
    try:
        for tag in load_tags(Path(args.tags)) if args.tags else []:
            reader.place(**tag)
        if args.pty:
            where = reader.serve_pty()
            where = f"{where} (pty {reader.device})"
        else:
            where = reader.serve_tcp(*_address(args.listen, "--listen"))
        control = (
            reader.serve_control(*_address(args.control, "--control")) if args.control else None
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        reader.stop()
        return _failed(f"cannot start the simulated reader: {error}", EXIT_USAGE)
    stopped = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stopped.set())
    reader.start()
    name = "3M 810" if args.protocol == "3m" else "Feig ISO host"
    count = len(reader.tags())
    line = f"{name} reader simulator on {where}; {count} tag{'' if count == 1 else 's'}"
    if control:
        line += f"; control on {control[0]}:{control[1]}"
    print(line, flush=True)
    stopped.wait()
    reader.stop()
    return EXIT_OK


def load_tags(path: Path) -> list[dict]:
    """Tags from JSON: ``[{"uid": "E004…", "memory": "hex", "afi": "07", "eas": true,
    "dsfid": "06", "locked": [0, 1]}]``; AFI and DSFID as hex strings or numbers."""
    tags = []
    for entry in json.loads(path.read_text()):
        tag: dict = {"uid": entry["uid"]}
        if "memory" in entry:
            tag["memory"] = bytes.fromhex(entry["memory"])
        for name in ("afi", "dsfid"):
            if name in entry:
                value = entry[name]
                tag[name] = int(value, 16) if isinstance(value, str) else int(value)
        if "eas" in entry:
            tag["eas"] = bool(entry["eas"])
        if "locked" in entry:
            tag["locked"] = frozenset(entry["locked"])
        tags.append(tag)
    return tags


def _address(text: str, option: str) -> tuple[str, int]:
    host, colon, port = text.rpartition(":")
    if not colon or not port.isdigit():
        raise ValueError(f"{option} wants HOST:PORT, not {text!r}")
    return host or "127.0.0.1", int(port)


def _failed(message: str, code: int = EXIT_READER) -> int:
    print(f"rfid-sip2: {message}", file=sys.stderr)
    return code
