"""The database a benchmark runs on, chosen by ``--database sqlite|postgres`` (imported before
Django is set up)."""

from __future__ import annotations

import atexit
import os
import subprocess
from pathlib import Path


def database_url(kind: str, workdir: Path, name: str) -> str:
    """SQLite in ``workdir``; for PostgreSQL, DATABASE_URL if it names PostgreSQL, otherwise a
    database ``name`` created on 127.0.0.1:5432 as user postgres and dropped at exit."""
    if kind == "sqlite":
        return f"sqlite:///{workdir / 'site.sqlite3'}"
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        return url
    name = f"{name}_{os.getpid()}"
    psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc"]
    subprocess.run([*psql, f"CREATE DATABASE {name}"], check=True)

    def drop() -> None:
        from django.db import connections

        connections.close_all()  # PostgreSQL drops no database a session is using
        subprocess.run([*psql, f"DROP DATABASE IF EXISTS {name}"], check=False)

    atexit.register(drop)
    return f"postgres://postgres@127.0.0.1:5432/{name}"
