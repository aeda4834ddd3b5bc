"""One tar archive: ``manifest.json``, the database (``database.pgdump`` from pg_dump's custom
format, or ``database.sqlite3``) and the media under ``media/``."""

from __future__ import annotations

import io
import json
import os
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

from django.core.files.storage import default_storage
from django.core.management.base import CommandError
from django.db import connection

from library_site.backup import media, postgres, sqlite

FORMAT = 1
MANIFEST = "manifest.json"
ENGINES: dict[str, tuple[ModuleType, str]] = {
    "sqlite": (sqlite, "database.sqlite3"),
    "postgresql": (postgres, "database.pgdump"),
}


@dataclass(frozen=True)
class Contents:
    vendor: str
    created: str
    media_files: int


def _engine() -> tuple[ModuleType, str]:
    try:
        return ENGINES[connection.vendor]
    except KeyError:
        raise CommandError(f"cannot back up a {connection.vendor} database") from None


def archive_path(target: str, now: datetime) -> Path:
    """``target`` itself, or a dated name inside it when it is a folder (or ends with /)."""
    path = Path(target)
    if path.is_dir() or target.endswith(os.sep):
        path.mkdir(parents=True, exist_ok=True)
        return path / f"library20-{now:%Y%m%d-%H%M%S}.tar"
    return path


def backup(target: str) -> tuple[Path, Contents]:
    engine, member = _engine()
    now = datetime.now(UTC)
    path = archive_path(target, now)
    partial = path.with_name(path.name + ".partial")
    with tempfile.TemporaryDirectory() as work:
        dumped = Path(work) / member
        engine.dump(connection, dumped)
        try:
            with tarfile.open(partial, "w") as archive:
                archive.add(dumped, member)
                count = media.add_to(archive, default_storage)
                contents = Contents(connection.vendor, now.isoformat(timespec="seconds"), count)
                manifest = json.dumps({"format": FORMAT, **contents.__dict__}).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime = len(manifest), int(now.timestamp())
                archive.addfile(info, io.BytesIO(manifest))
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    partial.replace(path)  # a half-written archive never has the final name
    return path, contents


def read_contents(archive: tarfile.TarFile) -> Contents:
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError):
        raise CommandError("not a library20 backup: it has no readable manifest.json") from None
    if manifest.get("format") != FORMAT:
        raise CommandError(f"backup format {manifest.get('format')!r} is not known here")
    return Contents(manifest["vendor"], manifest["created"], manifest["media_files"])


def what_is_there() -> tuple[list[str], int]:
    """The tables in the database and how many media files there are now."""
    return connection.introspection.table_names(), sum(1 for _ in media.names(default_storage))


def restore(path: Path) -> Contents:
    """Replace the database and the media with the archive's (the caller checked --force)."""
    engine, member = _engine()
    with tarfile.open(path) as archive:
        contents = read_contents(archive)
        if contents.vendor != connection.vendor:
            raise CommandError(
                f"this backup holds a {contents.vendor} database; DATABASE_URL points at "
                f"{connection.vendor}"
            )
        with tempfile.TemporaryDirectory() as work:
            archive.extract(member, work, filter="data")
            engine.restore(connection, Path(work) / member)
        media.remove_all(default_storage)
        media.restore_from(archive, default_storage)
    return contents
