"""Recommendations: item-to-item collaborative filtering over readers' ratings.

Each reader's ratings are centred on their own average (a reader who gives everything 4 stars
likes a 5 more than a 4), the records' rating columns scaled to unit length, and their cosine
similarity taken in one sparse matrix product: two records are similar when the same readers
liked (or disliked) both. Each record keeps its ``NEIGHBOURS`` most similar records with a
positive score in ``SimilarRecord``, recomputed by ``library20 recommendations``. Where readers
have said too little, a record's page falls back to the same authors' and subjects' records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from django.db import connection, transaction
from scipy import sparse

from plugins.opac.models import CatalogueRecord, SimilarRecord
from plugins.opac.ratings import counted
from plugins.opac.search.documents import VALUE_LENGTH

NEIGHBOURS = 10  # similar records kept per record
MIN_READERS = 2  # readers who rated both, below which a similarity is chance


@dataclass(frozen=True)
class Neighbour:
    biblio_id: int
    score: float


def neighbours(
    ratings: Iterable[tuple[int, int, int]], k: int = NEIGHBOURS
) -> dict[int, list[Neighbour]]:
    """Each rated record's ``k`` most similar records, from (reader, biblio id, stars)."""
    rows = list(ratings)
    if not rows:
        return {}
    readers, reader_index = np.unique([r for r, _b, _s in rows], return_inverse=True)
    records, record_index = np.unique([b for _r, b, _s in rows], return_inverse=True)
    stars = np.array([s for _r, _b, s in rows], dtype=np.float64)
    means = np.bincount(reader_index, weights=stars) / np.bincount(reader_index)
    centred = stars - means[reader_index]
    shape = (len(readers), len(records))
    ratings_matrix = sparse.csr_matrix((centred, (reader_index, record_index)), shape=shape)
    rated = sparse.csr_matrix((np.ones_like(stars), (reader_index, record_index)), shape=shape)
    norms = np.sqrt(np.asarray(ratings_matrix.multiply(ratings_matrix).sum(axis=0))).ravel()
    norms[norms == 0] = 1.0
    scaled = ratings_matrix @ sparse.diags(1.0 / norms)
    together = rated.T @ rated  # readers who rated both
    similarity = (scaled.T @ scaled).multiply(together >= MIN_READERS).tocsr()
    similarity.setdiag(0)
    similarity.data[similarity.data < 0] = 0  # disliked together is no recommendation
    similarity.eliminate_zeros()
    found: dict[int, list[Neighbour]] = {}
    for row, biblio_id in enumerate(records):
        start, end = similarity.indptr[row], similarity.indptr[row + 1]
        if start == end:
            continue
        others, scores = similarity.indices[start:end], similarity.data[start:end]
        # Best first; equal scores in biblio id order, so a recompute gives the same lists.
        order = np.lexsort((records[others], -scores))[:k]
        found[int(biblio_id)] = [
            Neighbour(int(records[others[i]]), float(scores[i])) for i in order
        ]
    return found


def recompute() -> int:
    """Every record's similar records from all ratings; how many pairs are kept."""
    ratings = counted().values_list("reader_id", "record_id", "stars").iterator()
    found = neighbours(ratings)
    pairs = [
        SimilarRecord(record_id=biblio_id, similar_id=n.biblio_id, score=n.score)
        for biblio_id, near in found.items()
        for n in near
    ]
    with transaction.atomic():
        SimilarRecord.objects.all().delete()
        SimilarRecord.objects.bulk_create(pairs, batch_size=1000)
    return len(pairs)


def also_liked(record: CatalogueRecord, count: int = 6) -> list[int]:
    """The biblio ids of "readers who liked this also liked", best first; the same authors'
    and subjects' records when readers' ratings say nothing yet. One query: both lists come
    back together, the fallback used only when the first is empty."""
    authors = [author["name"][:VALUE_LENGTH] for author in record.authors] or [""]
    subjects = [subject[:VALUE_LENGTH] for subject in record.subjects] or [""]
    sql = f"""
        SELECT biblio_id, kind, place FROM (
            SELECT similar_biblio_id AS biblio_id, 0 AS kind,
                   ROW_NUMBER() OVER (ORDER BY score DESC, similar_biblio_id) AS place
            FROM opac_similarrecord WHERE biblio_id = %s
        ) AS liked WHERE place <= %s
        UNION ALL
        SELECT biblio_id, kind, place FROM (
            SELECT biblio_id, 1 AS kind,
                   ROW_NUMBER() OVER (ORDER BY facet, biblio_id) AS place
            FROM opac_searchfacet
            WHERE biblio_id <> %s AND (
                (facet = 'author' AND value IN ({", ".join(["%s"] * len(authors))}))
                OR (facet = 'subject' AND value IN ({", ".join(["%s"] * len(subjects))}))
            )
        ) AS alike WHERE place <= %s
        ORDER BY 2, 3
    """
    params = [record.biblio_id, count, record.biblio_id, *authors, *subjects, count * 10]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    similar = [biblio_id for biblio_id, kind, _place in rows if kind == 0]
    alike = list(dict.fromkeys(biblio_id for biblio_id, kind, _place in rows if kind == 1))
    return (similar or alike)[:count]
