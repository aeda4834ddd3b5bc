"""Many rows in one INSERT: a statement per few hundred rows rather than per row.

The catalogue sync writes thousands of rows a second; PostgreSQL spent more time on receiving
and planning a statement per row than on storing the rows (1.5-2 times as long per row as one
statement of many rows); SQLite loses nothing by it.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

_MOST_PARAMETERS = 30_000  # below PostgreSQL's 65,535 and SQLite's 32,766 (since 3.32)


def insert_rows(head: str, rows: Sequence[Sequence[object]], tail: str = "") -> None:
    """Run ``{head} VALUES (...), (...) {tail}`` for every row, few statements for all of them.

    ``head`` names the table and columns ("INSERT INTO t (a, b)"), ``tail`` what happens on a
    conflict; every row has one value per column."""
    if not rows:
        return
    width = len(rows[0])
    limit = min(_MOST_PARAMETERS, connection.features.max_query_params or _MOST_PARAMETERS)
    per_statement = max(1, limit // width)
    marks = f"({', '.join(['%s'] * width)})"
    with connection.cursor() as cursor:
        for start in range(0, len(rows), per_statement):
            chunk = rows[start : start + per_statement]
            cursor.execute(
                f"{head} VALUES {', '.join([marks] * len(chunk))} {tail}",
                [value for row in chunk for value in row],
            )
