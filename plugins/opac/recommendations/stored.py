"""Each record's nearest records kept in ``SimilarRecord``: recomputed whole by the command,
and updated after a reader's rating for the records it touches.

A rating moves its reader's average, so every record that reader rated gets a new column: their
rows are computed again whole and exactly, from their readers' ratings and the other records'
column lengths (kept in ``RatingColumn``). Other records change only in their scores with
those; a record that falls out of another's list leaves room that the nightly recompute fills.
"""

from __future__ import annotations

from django.db import connection, transaction
from django.db.models import Exists, IntegerField, OuterRef, QuerySet, Value

from plugins.opac.models import Rating, RatingColumn, SimilarRecord
from plugins.opac.recommendations.similarity import NEIGHBOURS, Neighbour, rows_of, similarities
from plugins.opac.shelf_models import ShelfEntry

SHELVED_STARS = 4  # a title a reader shelved without rating: they want it, or liked it enough


def signals(readers=None, records=None) -> QuerySet:
    """(reader id, biblio id, stars) of every active reader, ``readers``' and ``records``' only
    when given (ids or a subquery): their ratings, and each title they shelved but did not rate
    taken as a liking of ``SHELVED_STARS``. A blocked reader's say is out."""
    from plugins.opac.ratings import counted  # here: ratings imports this module to run updates

    rated = counted()
    shelved = ShelfEntry.objects.filter(shelf__owner__is_active=True).exclude(
        Exists(Rating.objects.filter(reader=OuterRef("shelf__owner"), record=OuterRef("record")))
    )
    if readers is not None:
        rated, shelved = rated.filter(reader__in=readers), shelved.filter(shelf__owner__in=readers)
    if records is not None:
        rated, shelved = rated.filter(record__in=records), shelved.filter(record__in=records)
    stars = Value(SHELVED_STARS, output_field=IntegerField())
    return rated.values_list("reader_id", "record_id", "stars").union(
        shelved.values_list("shelf__owner_id", "record_id", stars).distinct()
    )


def recompute() -> int:
    """Every record's similar records from all ratings; how many pairs are kept."""
    found, lengths = similarities(signals().iterator())
    pairs = [
        SimilarRecord(record_id=biblio_id, similar_id=n.biblio_id, score=n.score)
        for biblio_id, near in found.items()
        for n in near
    ]
    with transaction.atomic():
        SimilarRecord.objects.all().delete()
        SimilarRecord.objects.bulk_create(pairs, batch_size=1000)
        RatingColumn.objects.all().delete()
        RatingColumn.objects.bulk_create(
            (RatingColumn(record_id=b, length=length) for b, length in lengths.items()),
            batch_size=1000,
        )
    return len(pairs)


def update_after(reader_id: int, biblio_id: int) -> int:
    """Bring the stored lists up to date after the reader rated, re-rated, unrated, shelved or
    unshelved the record; how many records' lists were rewritten."""
    changed = {biblio_id, *(b for _reader, b, _stars in signals(readers=[reader_id]))}
    raters = {reader for reader, _b, _stars in signals(records=changed)}
    ratings = list(signals(readers=raters))
    shown = {b for _reader, b, _stars in ratings} - changed
    lengths = dict(RatingColumn.objects.filter(record_id__in=shown).values_list("record", "length"))
    if missing := shown - lengths.keys():  # rated since the last recompute, by no one updated
        lengths |= _lengths_of(missing)
    fresh, new_lengths = rows_of(changed, ratings, lengths)
    with transaction.atomic():
        RatingColumn.objects.filter(record_id__in=changed).delete()
        RatingColumn.objects.bulk_create(
            RatingColumn(record_id=b, length=length) for b, length in new_lengths.items()
        )
        return _store(changed, fresh)


def _lengths_of(biblio_ids: set[int]) -> dict[int, float]:
    """The length of these records' columns of centred stars, from all their readers'
    ratings (each reader's mean over everything they rated): one SQL statement."""
    signal, params = signals().query.sql_with_params()
    marks = ", ".join(["%s"] * len(biblio_ids))
    sql = f"""
        WITH signal (reader_id, biblio_id, stars) AS ({signal}),
        means AS (
            SELECT reader_id, AVG(stars * 1.0) AS mean FROM signal WHERE reader_id IN (
                SELECT reader_id FROM signal WHERE biblio_id IN ({marks}))
            GROUP BY reader_id
        )
        SELECT s.biblio_id, SUM((s.stars - m.mean) * (s.stars - m.mean))
        FROM signal s JOIN means m ON m.reader_id = s.reader_id
        WHERE s.biblio_id IN ({marks})
        GROUP BY s.biblio_id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *biblio_ids, *biblio_ids])
        return {biblio_id: float(total) ** 0.5 for biblio_id, total in cursor.fetchall()}


def _best(scores: dict[int, float]) -> list[Neighbour]:
    ranked = sorted(scores.items(), key=lambda pair: (-pair[1], pair[0]))[:NEIGHBOURS]
    return [Neighbour(biblio_id, score) for biblio_id, score in ranked]


def _store(changed: set[int], fresh: dict[int, dict[int, float]]) -> int:
    """Write the changed records' lists, and the others' where a changed record moves in them."""
    lists = {biblio_id: _best(row) for biblio_id, row in fresh.items()}
    others = {other for row in fresh.values() for other in row} - changed
    holding = SimilarRecord.objects.filter(similar_id__in=changed)
    others |= set(holding.values_list("record_id", flat=True)) - changed
    stored: dict[int, dict[int, float]] = {other: {} for other in others}
    for row in SimilarRecord.objects.filter(record_id__in=others).values_list(
        "record_id", "similar_id", "score"
    ):
        stored[row[0]][row[1]] = row[2]
    for other, row in stored.items():
        now = {biblio_id: s for biblio_id, s in row.items() if biblio_id not in changed}
        now |= {b: fresh[b][other] for b in changed if other in fresh[b]}
        if _best(now) != _best(row):
            lists[other] = _best(now)
    SimilarRecord.objects.filter(record_id__in=lists).delete()
    SimilarRecord.objects.bulk_create(
        (
            SimilarRecord(record_id=biblio_id, similar_id=n.biblio_id, score=n.score)
            for biblio_id, near in lists.items()
            for n in near
        ),
        batch_size=1000,
    )
    return len(lists)
