"""``library20 koha_sync``: bring the local catalogue up to date with Koha."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from koha_bridge.client import KohaAuthError, KohaError, KohaNotFound, KohaUnavailable
from koha_bridge.sandbox.clock import parse_api_datetime, to_api_datetime
from plugins.opac.koha import koha_client
from plugins.opac.sync import DEFAULT_BATCH_SIZE, sync_catalogue

EXIT_CODES = {KohaUnavailable: 3, KohaAuthError: 4, KohaNotFound: 5}


def since_argument(value: str) -> str:
    try:
        return to_api_datetime(parse_api_datetime(value))
    except ValueError:
        raise CommandError(
            f"--since {value!r}: expected a date or date-time, e.g. 2026-11-01 or "
            "2026-11-01T08:00:00+02:00"
        ) from None


class Command(BaseCommand):
    help = (
        "Copy Koha's changed records into the local catalogue (incremental by Koha's timestamp; "
        "--full also removes records Koha no longer has). An interrupted run resumes."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--full", action="store_true", help="every record, then remove gone ones"
        )
        parser.add_argument("--since", help="records changed since this date or date-time")
        parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)

    def handle(self, *args, full: bool, since: str | None, batch_size: int, **options) -> None:
        if full and since:
            raise CommandError("--full and --since cannot be used together")
        if not 1 <= batch_size <= 1000:
            raise CommandError("--batch-size must be between 1 and 1000")
        since = since_argument(since) if since else None
        client = koha_client()
        # Away from a terminal (a log, a pipe) every redraw would be a line: the summary says it.
        quiet = options["verbosity"] < 1 or not sys.stderr.isatty()
        bar = tqdm(unit="records", disable=quiet, file=sys.stderr)

        def progress(done: int, total: int | None) -> None:
            if total is not None and bar.total is None:
                bar.total = total
            bar.update(done)

        try:
            report = sync_catalogue(
                client,
                full=full,
                since=since,
                flavour=client.config.marc_flavour,
                batch_size=batch_size,
                progress=progress,
            )
        except KohaError as error:
            code = next((c for kind, c in EXIT_CODES.items() if isinstance(error, kind)), 1)
            raise CommandError(
                f"catalogue sync stopped: {error}. What was synced is kept; run again to resume.",
                returncode=code,
            ) from None
        finally:
            bar.close()
        resumed = " (resumed)" if report.resumed else ""
        self.stdout.write(
            f"{report.mode} sync, run {report.run}{resumed}: {report.synced} records synced, "
            f"{report.unchanged} unchanged, {report.skipped} skipped, {report.removed} removed; "
            f"changes seen up to {report.watermark}"
        )
