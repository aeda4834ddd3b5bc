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
        [program, *args],
        env=_environment(settings),
        capture_output=True,
        text=True,
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


# What the site's migrations make in its schema: tables (their sequences and indexes go with
# them) and functions (the catalogue search's), but not those of an installed extension.
OBJECTS_TO_DROP = """
SELECT format('DROP TABLE IF EXISTS %I CASCADE;', c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
UNION ALL
SELECT format('DROP FUNCTION IF EXISTS %s CASCADE;', p.oid::regprocedure)
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = current_schema()
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
"""


def restore(connection: BaseDatabaseWrapper, path: Path) -> None:
    """Replace everything in the database by the dump, in one transaction: if any statement
    fails, the database is left as it was. The dump becomes a script on disk first, so a dump
    that cannot be read stops the restore before anything is dropped."""
    script = path.with_suffix(".sql")
    drops = path.with_suffix(".drop.sql")
    settings = connection.settings_dict
    _run(
        "pg_restore",
        "--no-owner",
        "--no-privileges",
        f"--file={script}",
        str(path),
        settings=settings,
    )
    with connection.cursor() as cursor:
        cursor.execute(OBJECTS_TO_DROP)
        drops.write_text("".join(row[0] + "\n" for row in cursor.fetchall()))
    connection.close()  # psql's own session works alone
    _run(
        "psql",
        "--no-psqlrc",
        "--quiet",
        "--single-transaction",
        "--set=ON_ERROR_STOP=1",
        f"--file={drops}",
        f"--file={script}",
        "--dbname",
        settings["NAME"],
        settings=settings,
    )
