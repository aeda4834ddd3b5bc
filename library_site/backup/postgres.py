"""PostgreSQL, with pg_dump's custom format and pg_restore; the password goes in the
environment (PGPASSWORD), never on a command line that ``ps`` shows."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from django.core.management.base import CommandError
from django.db.backends.base.base import BaseDatabaseWrapper


def _environment(settings: dict) -> dict[str, str]:
    env = dict(os.environ)
    given = {
        "PGDATABASE": settings.get("NAME"),
        "PGHOST": settings.get("HOST"),
        "PGPORT": settings.get("PORT"),
        "PGUSER": settings.get("USER"),
        "PGPASSWORD": settings.get("PASSWORD"),
        "PGSSLMODE": settings.get("OPTIONS", {}).get("sslmode"),
    }
    env.update({name: str(value) for name, value in given.items() if value})
    return env


def _run(program: str, *args: str, settings: dict) -> None:
    if shutil.which(program) is None:
        raise CommandError(
            f"{program} is not installed; install PostgreSQL's client programs "
            "(Debian: apt install postgresql-client) of the server's version or newer"
        )
    done = subprocess.run(
        [program, *args], env=_environment(settings), capture_output=True, text=True
    )
    if done.returncode != 0:
        raise CommandError(f"{program} failed: {done.stderr.strip()}")


def dump(connection: BaseDatabaseWrapper, path: Path) -> None:
    _run(
        "pg_dump",
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        "--file",
        str(path),
        settings=connection.settings_dict,
    )


def drop_tables(connection: BaseDatabaseWrapper) -> None:
    """Every table in the database, so that none the backup lacks is left behind."""
    quoted = [connection.ops.quote_name(name) for name in connection.introspection.table_names()]
    if quoted:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE {', '.join(quoted)} CASCADE")


def restore(connection: BaseDatabaseWrapper, path: Path) -> None:
    """Drop every table, then restore the dump in one transaction."""
    drop_tables(connection)
    connection.close()  # pg_restore's own session works alone
    _run(
        "pg_restore",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        "--dbname",
        connection.settings_dict["NAME"],
        str(path),
        settings=connection.settings_dict,
    )
