"""``koha-bridge``: check a Koha connection, show a record as library20 reads it, run a sandbox."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Iterable
from contextlib import AbstractContextManager as ContextManager
from contextlib import nullcontext
from dataclasses import asdict
from pathlib import Path
from typing import BinaryIO

import pymarc

from koha_bridge.client import (
    KohaAuthError,
    KohaClient,
    KohaError,
    KohaNotFound,
    KohaProtocolError,
    KohaUnavailable,
)
from koha_bridge.config import KohaConfig, KohaConfigError
from koha_bridge.marc import Flavour, ReadFailure, UnreadableRecord, normalise
from koha_bridge.marc.misreading import Misreading, MisreadingTally
from koha_bridge.marc.reading.files import MarcFormat, records_from_file

EXIT_OK, EXIT_KOHA, EXIT_CONFIG, EXIT_UNAVAILABLE, EXIT_AUTH, EXIT_NOT_FOUND = 0, 1, 2, 3, 4, 5
EXIT_UNREADABLE, EXIT_MISDECODED = 6, 7


def _config() -> KohaConfig:
    return KohaConfig.from_env(os.environ)


def probe(args: argparse.Namespace) -> int:
    config = _config()
    result = KohaClient(config).probe()
    print(f"Koha: {result.url}")
    print(f"authenticated as: {result.authenticated_as}")
    for name, count in result.counts.items():
        print(f"{name}: {'unknown' if count is None else count}")
    return EXIT_OK


def record(args: argparse.Namespace) -> int:
    config = _config()
    marc = KohaClient(config).biblio_marc(args.biblio_id)
    normalised = normalise(marc, config.marc_flavour, args.biblio_id)
    print(json.dumps(asdict(normalised), ensure_ascii=False, indent=2))
    return EXIT_OK


def marc_file(args: argparse.Namespace) -> int:
    """Normalise every record of a MARC file, as a check before loading it into Koha."""
    flavour = Flavour(args.flavour) if args.flavour else None
    marc_format = MarcFormat(args.format) if args.format else None
    misreadings = MisreadingTally()
    with _opened(args.file) as file:
        try:
            results = records_from_file(file, marc_format, args.encoding)
        except LookupError:
            print(f"koha-bridge: --encoding {args.encoding}: unknown encoding", file=sys.stderr)
            return EXIT_CONFIG
        failures = _print_records(results, flavour, misreadings)
    if found := misreadings.commonest():
        misreading, count = found
        print(
            f"koha-bridge: {count} of {misreadings.records} records look mis-decoded: "
            f'{misreading.what} (e.g. "{misreading.example}"); {_try_encoding(misreading)}',
            file=sys.stderr,
        )
        return EXIT_MISDECODED
    return EXIT_UNREADABLE if failures else EXIT_OK


def _print_records(
    results: Iterable[pymarc.Record | ReadFailure],
    flavour: Flavour | None,
    misreadings: MisreadingTally,
) -> int:
    """Each record as a JSON line on stdout, each failure as a line on stderr; the failures."""
    failures = 0
    for position, result in enumerate(results, start=1):
        if isinstance(result, ReadFailure):
            reason = result.reason
        else:
            misreadings.note(result)
            try:
                normalised = normalise(result, flavour, position)
            except UnreadableRecord as error:
                reason = error.reason
            else:
                print(json.dumps(asdict(normalised), ensure_ascii=False))
                continue
        failures += 1
        print(f"record {position}: unreadable: {reason}", file=sys.stderr)
    return failures


def _opened(path: str) -> ContextManager[BinaryIO]:
    """The file, or standard input for "-"."""
    return nullcontext(sys.stdin.buffer) if path == "-" else open(path, "rb")


def _try_encoding(misreading: Misreading) -> str:
    advice = f"try --encoding {misreading.encoding}"
    # Which single-byte code page a file was written in cannot be told from its misreading.
    return advice if misreading.encoding == "utf-8" else f"{advice} (or the file's code page)"


def sandbox_serve(args: argparse.Namespace) -> int:
    from koha_bridge.sandbox.sandbox import Sandbox
    from koha_bridge.sandbox.server import make_sandbox_server

    path = Path(args.path or _config().sandbox_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    server = make_sandbox_server(Sandbox(path).app, args.host, args.port)
    print(f"Koha sandbox at http://{args.host}:{server.server_port}/api/v1 (database {path})")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="koha-bridge", description="Koha's REST API as library20 uses it."
    )
    commands = main_parser.add_subparsers(dest="command", required=True)
    commands.add_parser("probe", help="reachability, authentication and counts").set_defaults(
        run=probe
    )
    show = commands.add_parser("record", help="a record as library20 normalises it")
    show.add_argument("biblio_id", type=int)
    show.set_defaults(run=record)
    check = commands.add_parser(
        "marc", help="normalise the records of a MARC file (ISO 2709, MARCXML, MARC-in-JSON)"
    )
    check.add_argument("file", help='the file, or "-" for standard input')
    check.add_argument(
        "--format",
        choices=[f.value for f in MarcFormat],
        help="the file's format (default: told by its first bytes)",
    )
    check.add_argument(
        "--encoding",
        help="decode the text as this (cp1251, utf-8, latin-1...) instead of what ISO 2709 "
        "records or the XML declaration say, or UTF-8 for MARC-in-JSON",
    )
    check.add_argument("--flavour", choices=[f.value for f in Flavour])
    check.set_defaults(run=marc_file)
    sandbox = commands.add_parser("sandbox", help="the embedded Koha-compatible ILS")
    sandbox_commands = sandbox.add_subparsers(dest="sandbox_command", required=True)
    serve = sandbox_commands.add_parser("serve", help="serve its REST API over HTTP")
    serve.add_argument("--port", type=int, default=8081)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--path", help="its SQLite database (default KOHA_SANDBOX_PATH)")
    serve.set_defaults(run=sandbox_serve)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "WARNING"),
        format="%(asctime)s level=%(levelname)s logger=%(name)s %(message)s",
    )
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except KohaConfigError as error:
        print(f"koha-bridge: configuration error: {error}", file=sys.stderr)
        return EXIT_CONFIG
    except (UnreadableRecord, KohaProtocolError) as error:
        print(f"koha-bridge: {error}", file=sys.stderr)
        return EXIT_UNREADABLE if isinstance(error, UnreadableRecord) else EXIT_KOHA
    except KohaError as error:
        print(f"koha-bridge: {error}", file=sys.stderr)
        codes = {
            KohaUnavailable: EXIT_UNAVAILABLE,
            KohaAuthError: EXIT_AUTH,
            KohaNotFound: EXIT_NOT_FOUND,
        }
        return next((code for kind, code in codes.items() if isinstance(error, kind)), EXIT_KOHA)
    except OSError as error:
        print(f"koha-bridge: {error}", file=sys.stderr)
        return EXIT_CONFIG


if __name__ == "__main__":
    sys.exit(main())
