"""``rfid-sip2``: run the gateway, talk SIP2 to any ACS, and look after the offline journal."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import logging
import os
import sqlite3
import ssl
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rfid_sip2.client import SipClient, SipClientError
from rfid_sip2.gateway import translog
from rfid_sip2.gateway.config import (
    DEMO_LOGIN,
    DEMO_PASSWORD,
    ConfigError,
    listen_address,
    listening_on,
    load,
)
from rfid_sip2.sip2.codec import CodecOptions
from rfid_sip2.sip2.messages import (
    CheckinRequest,
    CheckoutRequest,
    Message,
    PatronInformationRequest,
    RenewRequest,
)

if TYPE_CHECKING:
    from rfid_sip2.gateway.app import Gateway

EXIT_OK, EXIT_REFUSED, EXIT_CONFIG, EXIT_UNREACHABLE, EXIT_CANNOT_LISTEN = 0, 1, 2, 3, 4


def serve(args: argparse.Namespace) -> int:
    from rfid_sip2.gateway import workers
    from rfid_sip2.gateway.server import CannotListen

    config = load(Path(args.config) if args.config else None)
    if args.listen:
        config = listening_on(config, args.listen, "--listen")
    if args.workers is not None:
        if not 1 <= args.workers <= 64:
            raise ConfigError("--workers: expected a whole number of processes from 1 to 64")
        config = dataclasses.replace(config, workers=args.workers)

    def started(gateway: Gateway | None) -> None:
        listeners = ", ".join(f"{item.host}:{item.port}" for item in config.listeners)
        print(
            f"SIP2 gateway on {listeners}; upstream {type(config.upstream).__name__}; "
            f"journal {config.journal_path}; workers {config.workers}",
            flush=True,
        )
        monitoring = gateway.monitoring if gateway else None
        if monitoring and monitoring.agent:
            print(f"SNMP agent on {':'.join(map(str, monitoring.agent.address))}/udp", flush=True)
        if monitoring and monitoring.prometheus:
            address = ":".join(map(str, monitoring.prometheus.address))
            print(f"Prometheus metrics on http://{address}/metrics", flush=True)

    try:
        return workers.serve(config, started=started)
    except CannotListen as error:
        print(f"rfid-sip2: {error}", file=sys.stderr)
        return EXIT_CANNOT_LISTEN


def _request(args: argparse.Namespace, now: datetime) -> Message:
    common = {"institution_id": args.institution, "transaction_date": now}
    pin = os.environ.get(args.pin_env) or None
    if args.action == "patron":
        return PatronInformationRequest(
            patron_identifier=args.patron,
            patron_password=pin,
            summary="  Y       ",
            terminal_password="",
            **common,
        )
    if args.action == "checkout":
        return CheckoutRequest(
            patron_identifier=args.patron, item_identifier=args.item, patron_password=pin, **common
        )
    if args.action == "checkin":
        return CheckinRequest(
            item_identifier=args.item,
            return_date=now,
            current_location=args.location or "",
            **common,
        )
    return RenewRequest(
        patron_identifier=args.patron, item_identifier=args.item, patron_password=pin, **common
    )


def _print(message: Message) -> None:
    shown = translog.masked(message)
    print(f"{type(message).__name__} ({message.CODE})")
    for field in dataclasses.fields(shown):
        value = getattr(shown, field.name)
        if value not in (None, (), ""):
            print(f"  {field.name}: {value}")
    print(f"  wire: {translog.wire_text(message)}")


def _local_gateway() -> tuple[str, int]:
    """Where ``send`` goes unless told: the gateway SIP2_LISTEN puts on this machine."""
    if not os.environ.get("SIP2_LISTEN"):
        return "127.0.0.1", 6001
    host, port = listen_address(os.environ["SIP2_LISTEN"], "SIP2_LISTEN")
    return ("127.0.0.1" if host in ("0.0.0.0", "::") else host), port


async def _send(args: argparse.Namespace) -> int:
    password = os.environ.get(args.password_env, DEMO_PASSWORD if args.user == DEMO_LOGIN else "")
    host, port = _local_gateway()
    host, port = args.host or host, args.port or port
    context = None
    if args.tls:
        context = ssl.create_default_context(cafile=args.cafile)
    client = SipClient(
        host,
        port,
        options=CodecOptions(encoding=args.encoding),
        timeout=args.timeout,
        ssl_context=context,
        server_hostname=host if args.tls else None,
    )
    await client.connect()
    try:
        if not await client.login(args.user, password, args.location):
            print(
                f"login refused for {args.user!r}: check the account and {args.password_env}",
                file=sys.stderr,
            )
            return EXIT_REFUSED
        if args.action == "login":
            print("login accepted")
            return EXIT_OK
        if args.action == "status":
            response = await client.status()
        else:
            response = await client.request(_request(args, datetime.now().replace(microsecond=0)))
        _print(response)
        refused = getattr(response, "ok", True) is False
        return EXIT_REFUSED if refused else EXIT_OK
    finally:
        await client.close()


def send(args: argparse.Namespace) -> int:
    return asyncio.run(_send(args))


def journal(args: argparse.Namespace) -> int:
    from rfid_sip2.journal import commands
    from rfid_sip2.journal.store import Journal

    config = load(Path(args.config) if args.config else None)
    store = Journal(config.journal_path)
    try:
        if args.journal_action == "list":
            lines = commands.list_lines(store, args.state)
        elif args.journal_action == "export":
            lines = commands.export_lines(store, Path(args.output))
        else:
            from rfid_sip2.gateway.app import build_upstream
            from rfid_sip2.upstreams.base import Terminal

            async def run() -> list[str]:
                upstream = build_upstream(config)
                try:
                    return await commands.replay_lines(
                        store,
                        upstream,
                        lambda entry: Terminal(
                            entry.account,
                            (config.account(entry.account) or config.accounts[0]).institution_id,
                            (config.account(entry.account) or config.accounts[0]).location,
                        ),
                    )
                finally:
                    await upstream.close()

            lines = asyncio.run(run())
    finally:
        store.close()
    print("\n".join(lines))
    return EXIT_OK


def backup_journal(args: argparse.Namespace) -> int:
    from rfid_sip2.journal.backup import JournalBackupError, backup_journal

    config = load(Path(args.config) if args.config else None)
    try:
        copy = backup_journal(config.journal_path, Path(args.destination))
    except (JournalBackupError, OSError, sqlite3.Error) as error:
        print(f"rfid-sip2: journal not backed up: {error}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"journal backed up to {copy.path}: {copy.entries} entries")
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(prog="rfid-sip2", description=__doc__.splitlines()[0])
    commands = main.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="run the SIP2 gateway")
    run.add_argument("--config", help="gateway.toml (default: 127.0.0.1:6001 on the sandbox)")
    run.add_argument(
        "--listen",
        metavar="HOST:PORT",
        help="plain SIP2 on this address instead of the first listener (as SIP2_LISTEN)",
    )
    run.add_argument(
        "--workers",
        type=int,
        help="processes accepting devices on the same listeners, one per core "
        "(default: gateway.workers in the configuration, else 1)",
    )
    run.set_defaults(run=serve)

    talk = commands.add_parser("send", help="one SIP2 exchange with an ACS, after a login")
    talk.add_argument("--host", help="default: 127.0.0.1, or the host SIP2_LISTEN names")
    talk.add_argument("--port", type=int, help="default: 6001, or the port SIP2_LISTEN names")
    talk.add_argument("--user", default=DEMO_LOGIN)
    talk.add_argument(
        "--password-env",
        default="SIP2_PASSWORD",
        help="environment variable holding the login password",
    )
    talk.add_argument(
        "--pin-env",
        default="SIP2_PATRON_PIN",
        help="environment variable holding the patron's PIN, if any",
    )
    talk.add_argument("--institution", default="CPL")
    talk.add_argument("--location", default=None)
    talk.add_argument("--encoding", default="utf-8")
    talk.add_argument("--timeout", type=float, default=5.0)
    talk.add_argument("--tls", action="store_true")
    talk.add_argument("--cafile", help="CA certificate to trust for --tls")
    actions = talk.add_subparsers(dest="action", required=True)
    actions.add_parser("login")
    actions.add_parser("status")
    actions.add_parser("patron").add_argument("patron")
    for name in ("checkout", "renew"):
        action = actions.add_parser(name)
        action.add_argument("patron")
        action.add_argument("item")
    actions.add_parser("checkin").add_argument("item")
    talk.set_defaults(run=send)

    book = commands.add_parser("journal", help="the offline journal")
    book.add_argument("--config", help="gateway.toml (default: the demo configuration)")
    book_actions = book.add_subparsers(dest="journal_action", required=True)
    listing = book_actions.add_parser("list")
    listing.add_argument(
        "--state", choices=["pending", "applying", "replayed", "failed", "exported", "held"]
    )
    book_actions.add_parser("replay")
    export = book_actions.add_parser("export", help="failed entries as a Koha .koc file")
    export.add_argument("--output", required=True)
    book.set_defaults(run=journal)
    keep = commands.add_parser(
        "backup-journal", help="copy the offline journal while the gateway runs (SQLite backup)"
    )
    keep.add_argument("destination", help="a file to write, or a folder for a dated copy")
    keep.add_argument("--config", help="gateway.toml (default: the demo configuration)")
    keep.set_defaults(run=backup_journal)
    # Imported here: each command module takes its exit codes from this one.
    from rfid_sip2.rfid.readers.commands import add_commands as add_reader_commands
    from rfid_sip2.rfid.tag_commands import add_commands as add_tag_commands
    from rfid_sip2.station.commands import add_commands as add_station_commands

    add_tag_commands(commands)
    add_reader_commands(commands)
    add_station_commands(commands)
    return main


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO"),
        format="%(asctime)s level=%(levelname)s logger=%(name)s %(message)s",
    )
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except ConfigError as error:
        print(f"rfid-sip2: configuration error: {error}", file=sys.stderr)
        return EXIT_CONFIG
    except SipClientError as error:
        print(f"rfid-sip2: {error}", file=sys.stderr)
        return EXIT_UNREACHABLE


if __name__ == "__main__":
    sys.exit(main())
