"""What readers are shown of the stored similarities: "readers who liked this also liked" on a
record's page and "for you" on a reader's page; each one query, never computed on the request.
Where readers have said too little, both fall back to the same authors', series' and subjects'
records, and "for you" then to the titles readers rate best. A title a reader marked "not
interested" is never offered to them again."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import connection

from plugins.opac.models import CatalogueRecord, NotInterested, Rating
from plugins.opac.search.documents import VALUE_LENGTH
from plugins.opac.shelf_models import Shelf, ShelfEntry

SIMILAR, ALIKE, FAVOURITE = 0, 1, 2  # where a suggestion comes from, the first preferred
LIKED = 4  # stars from which a rating says the reader liked the title
FAVOURITE_READERS = 2  # ratings a title needs before it counts among readers' favourites


def _marks(values: list) -> str:
    return ", ".join(["%s"] * len(values))


def _not_hidden(reader, column: str) -> tuple[str, list]:
    """A condition leaving out the reader's not-interested titles from ``column``."""
    if reader is None or not reader.is_authenticated:
        return "1 = 1", []
    table = NotInterested._meta.db_table
    return f"{column} NOT IN (SELECT biblio_id FROM {table} WHERE reader_id = %s)", [reader.pk]


def _rows(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def also_liked(record: CatalogueRecord, reader=None, count: int = 6) -> list[int]:
    """The biblio ids of "readers who liked this also liked", best first; the same authors',
    series' and subjects' records (in that order) when readers' ratings say nothing yet. One
    query: both lists come back together, the fallback used only when the first is empty."""
    authors = [author["name"][:VALUE_LENGTH] for author in record.authors] or [""]
    series = [name[:VALUE_LENGTH] for name in record.series] or [""]
    subjects = [subject[:VALUE_LENGTH] for subject in record.subjects] or [""]
    similar_shown, similar_params = _not_hidden(reader, "similar_biblio_id")
    alike_shown, alike_params = _not_hidden(reader, "biblio_id")
    sql = f"""
        SELECT biblio_id, kind, place FROM (
            SELECT similar_biblio_id AS biblio_id, {SIMILAR} AS kind,
                   ROW_NUMBER() OVER (ORDER BY score DESC, similar_biblio_id) AS place
            FROM opac_similarrecord WHERE biblio_id = %s AND {similar_shown}
        ) AS liked WHERE place <= %s
        UNION ALL
        SELECT biblio_id, kind, place FROM (
            SELECT biblio_id, {ALIKE} AS kind,
                   ROW_NUMBER() OVER (ORDER BY MIN(facet), biblio_id) AS place
            FROM opac_searchfacet
            WHERE biblio_id <> %s AND {alike_shown} AND (
                (facet = 'author' AND value IN ({_marks(authors)}))
                OR (facet = 'series' AND value IN ({_marks(series)}))
                OR (facet = 'subject' AND value IN ({_marks(subjects)})))
            GROUP BY biblio_id
        ) AS alike WHERE place <= %s
        ORDER BY 2, 3
    """
    params = [record.biblio_id, *similar_params, count, record.biblio_id, *alike_params]
    rows = _rows(sql, [*params, *authors, *series, *subjects, count])
    similar = [biblio_id for biblio_id, kind, _place in rows if kind == SIMILAR]
    return similar or [biblio_id for biblio_id, kind, _place in rows if kind == ALIKE]


def for_you(reader, count: int = 12) -> list[int]:
    """The biblio ids offered to the reader, best first: records like those they liked, then
    the same authors', series' and subjects', then readers' favourites; never one they rated or
    shelved already or marked "not interested". One query."""
    ratings = Rating._meta.db_table
    users = get_user_model()._meta.db_table
    entries, shelves = ShelfEntry._meta.db_table, Shelf._meta.db_table
    shown, shown_params = _not_hidden(reader, "biblio_id")
    sql = f"""
        SELECT biblio_id FROM (
            SELECT s.similar_biblio_id AS biblio_id, {SIMILAR} AS kind,
                   SUM(s.score * (r.stars - {LIKED - 1})) AS weight
            FROM {ratings} r JOIN opac_similarrecord s ON s.biblio_id = r.biblio_id
            WHERE r.reader_id = %s AND r.stars >= {LIKED}
            GROUP BY s.similar_biblio_id
            UNION ALL
            SELECT alike.biblio_id, {ALIKE}, COUNT(*)
            FROM {ratings} r
            JOIN opac_searchfacet liked ON liked.biblio_id = r.biblio_id
            JOIN opac_searchfacet alike ON alike.facet = liked.facet AND alike.value = liked.value
            WHERE r.reader_id = %s AND r.stars >= {LIKED}
            GROUP BY alike.biblio_id
            UNION ALL
            SELECT r.biblio_id, {FAVOURITE}, AVG(r.stars * 1.0)
            FROM {ratings} r JOIN {users} u ON u.id = r.reader_id AND u.is_active
            GROUP BY r.biblio_id
            HAVING COUNT(*) >= {FAVOURITE_READERS} AND AVG(r.stars * 1.0) >= {LIKED}
        ) AS offered
        WHERE biblio_id NOT IN (SELECT biblio_id FROM {ratings} WHERE reader_id = %s)
          AND biblio_id NOT IN (
              SELECT e.biblio_id FROM {entries} e JOIN {shelves} s ON s.id = e.shelf_id
              WHERE s.owner_id = %s)
          AND {shown}
        ORDER BY kind, weight DESC, biblio_id
        LIMIT %s
    """
    # A record offered for several reasons comes back once per reason: enough rows for
    # ``count`` different ones, the first reason kept.
    params = [reader.pk, reader.pk, reader.pk, reader.pk, *shown_params, count * 3]
    found = dict.fromkeys(biblio_id for (biblio_id,) in _rows(sql, params))
    return list(found)[:count]
