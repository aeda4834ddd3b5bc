"""Many rows to a statement: a statement per few hundred rows rather than per row, and on
PostgreSQL a COPY.

The catalogue sync writes thousands of rows a second; PostgreSQL spent more time on receiving
and planning a statement per row than on storing the rows (1.5-2 times as long per row as one
statement of many rows); SQLite loses nothing by it.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

_MOST_PARAMETERS = 30_000  # below PostgreSQL's 65,535 and SQLite's 32,766 (since 3.32)


def insert_rows(
    table: str, columns: Sequence[str], rows: Sequence[Sequence[object]], on_conflict: str = ""
) -> None:
    """Insert ``rows`` (one value per column) into ``table``, ``on_conflict`` saying what
    becomes of a row whose key is there already: "ON CONFLICT (...) DO ..."."""
    if not rows:
        return
    if connection.vendor == "postgresql":
        _copy_rows(table, columns, rows, on_conflict)
    else:
        _insert_rows(table, columns, rows, on_conflict)


def _insert_rows(
    table: str, columns: Sequence[str], rows: Sequence[Sequence[object]], on_conflict: str
) -> None:
    """``INSERT ... VALUES (...), (...)``, as many rows to a statement as parameters allow."""
    limit = min(_MOST_PARAMETERS, connection.features.max_query_params or _MOST_PARAMETERS)
    per_statement = max(1, limit // len(columns))
    marks = f"({', '.join(['%s'] * len(columns))})"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"VALUES {', '.join([marks] * len(chunk))} {on_conflict}",
                [value for row in chunk for value in row],
            )


def _copy_rows(
    table: str, columns: Sequence[str], rows: Sequence[Sequence[object]], on_conflict: str
) -> None:
    """PostgreSQL: COPY into a temporary table of the columns, then one INSERT ... SELECT from
    it: COPY streams the rows instead of binding each value as a statement parameter."""
    names = ", ".join(columns)
    staging = f"staging_{table}"
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMPORARY TABLE {staging} ON COMMIT DROP AS "
            f"SELECT {names} FROM {table} WITH NO DATA"
        )
        with cursor.cursor.copy(f"COPY {staging} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {staging} {on_conflict}")
        cursor.execute(f"DROP TABLE {staging}")
