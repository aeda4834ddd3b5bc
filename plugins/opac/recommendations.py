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
from django.db import transaction
from scipy import sparse

from plugins.opac.models import CatalogueRecord, Rating, SimilarRecord
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
    ratings = Rating.objects.values_list("reader_id", "record_id", "stars").iterator()
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
    """ "Readers who liked this also liked", best first; the same author's, series' and
    subjects' records when readers' ratings say nothing yet."""
    similar = list(
        SimilarRecord.objects.filter(record=record)
        .order_by("-score", "similar_id")
        .values_list("similar_id", flat=True)[:count]
    )
    return similar or _alike(record, count)


def _alike(record: CatalogueRecord, count: int) -> list[int]:
    """Records by the same authors, then on the same subjects: one query."""
    from django.db.models import Q

    from plugins.opac.models import SearchFacet
    from plugins.opac.search import Facet

    authors = [author["name"][:VALUE_LENGTH] for author in record.authors]
    subjects = [subject[:VALUE_LENGTH] for subject in record.subjects]
    if not (authors or subjects):
        return []
    rows = (
        SearchFacet.objects.filter(
            Q(facet=Facet.AUTHOR.value, value__in=authors)
            | Q(facet=Facet.SUBJECT.value, value__in=subjects)
        )
        .exclude(record_id=record.biblio_id)
        .order_by("facet", "record_id")  # "author" before "subject"
        .values_list("record_id", flat=True)[: count * 10]
    )
    return list(dict.fromkeys(rows))[:count]
