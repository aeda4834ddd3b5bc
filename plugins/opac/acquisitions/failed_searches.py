"""Searches with words that found nothing, counted per folded words, language and day.

One statement per search (an upsert that adds one), and nothing about who searched.
"""

from __future__ import annotations

from django.db import connection
from django.utils import timezone

from plugins.opac.acquisitions.models import QUERY_LENGTH, FailedSearch
from plugins.opac.search.folding import words


def folded_query(text: str) -> str:
    """The words as the catalogue folds them, one space apart; "" for odd input (no words, or
    longer than a reader types)."""
    if len(text) > QUERY_LENGTH:
        return ""
    return " ".join(words(text))[:QUERY_LENGTH]


def log_failed_search(text: str, language: str) -> None:
    """Count one more search for ``text`` in ``language`` today that found nothing."""
    query = folded_query(text)
    if not query:
        return
    quote = connection.ops.quote_name
    table = quote(FailedSearch._meta.db_table)
    count = quote("count")
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({quote('query')}, {quote('language')}, {quote('day')}, {count}) "
            f"VALUES (%s, %s, %s, 1) "
            f"ON CONFLICT ({quote('query')}, {quote('language')}, {quote('day')}) "
            f"DO UPDATE SET {count} = {table}.{count} + 1",
            [query, language, timezone.localdate()],
        )
