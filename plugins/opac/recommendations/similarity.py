"""Similar records from (reader, biblio id, stars) triples.

Each reader's stars are centred on their own average (a reader who gives everything 4 stars
likes a 5 more than a 4), each record's column of centred stars scaled to unit length, and the
cosine of two records taken in one sparse matrix product: two records are similar when the same
readers liked (or disliked) both. Pairs that fewer than ``MIN_READERS`` readers share are chance;
negative scores (liked by those who disliked the other) are no recommendation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy import sparse

NEIGHBOURS = 10  # similar records kept per record
MIN_READERS = 2  # readers who rated both, below which a similarity is chance


@dataclass(frozen=True)
class Neighbour:
    biblio_id: int
    score: float


@dataclass(frozen=True)
class _Centred:
    records: np.ndarray  # biblio ids, sorted: the columns
    centred: sparse.csr_matrix  # readers × records, stars minus the reader's mean
    rated: sparse.csr_matrix  # readers × records, 1 where the reader rated the record


def _centred(rows: list[tuple[int, int, int]]) -> _Centred:
    readers, reader_index = np.unique([r for r, _b, _s in rows], return_inverse=True)
    records, record_index = np.unique([b for _r, b, _s in rows], return_inverse=True)
    stars = np.array([s for _r, _b, s in rows], dtype=np.float64)
    means = np.bincount(reader_index, weights=stars) / np.bincount(reader_index)
    shape = (len(readers), len(records))
    where = (reader_index, record_index)
    return _Centred(
        records,
        sparse.csr_matrix((stars - means[reader_index], where), shape=shape),
        sparse.csr_matrix((np.ones_like(stars), where), shape=shape),
    )


def _column_lengths(centred: sparse.csr_matrix) -> np.ndarray:
    return np.sqrt(np.asarray(centred.multiply(centred).sum(axis=0))).ravel()


def _divisors(lengths: np.ndarray) -> sparse.dia_matrix:
    """Scales each column to unit length (a column of zeros stays as it is)."""
    return sparse.diags(1.0 / np.where(lengths == 0, 1.0, lengths))


def _kept(scores: sparse.spmatrix, together: sparse.spmatrix) -> sparse.csr_matrix:
    """Scores of pairs enough readers share, positive ones only."""
    kept = scores.multiply(together >= MIN_READERS).tocsr()
    kept.data[kept.data < 0] = 0
    kept.eliminate_zeros()
    return kept


def _best(row_scores: sparse.csr_matrix, row: int, columns: np.ndarray, k: int) -> list[Neighbour]:
    start, end = row_scores.indptr[row], row_scores.indptr[row + 1]
    others, scores = row_scores.indices[start:end], row_scores.data[start:end]
    # Best first; equal scores in biblio id order, so a recompute gives the same lists.
    order = np.lexsort((columns[others], -scores))[:k]
    return [Neighbour(int(columns[others[i]]), float(scores[i])) for i in order]


def neighbours(
    ratings: Iterable[tuple[int, int, int]], k: int = NEIGHBOURS
) -> dict[int, list[Neighbour]]:
    """Each rated record's ``k`` most similar records, from every (reader, biblio id, stars)."""
    return similarities(ratings, k)[0]


def similarities(
    ratings: Iterable[tuple[int, int, int]], k: int = NEIGHBOURS
) -> tuple[dict[int, list[Neighbour]], dict[int, float]]:
    """Each rated record's ``k`` most similar records, and the length of each record's column
    of centred stars (which an incremental update needs), from every (reader, biblio id, stars).
    """
    rows = list(ratings)
    if not rows:
        return {}, {}
    m = _centred(rows)
    lengths = _column_lengths(m.centred)
    scaled = m.centred @ _divisors(lengths)
    similarity = _kept(scaled.T @ scaled, m.rated.T @ m.rated)
    similarity.setdiag(0)
    similarity.eliminate_zeros()
    found = {}
    for row, biblio_id in enumerate(m.records):
        if similarity.indptr[row] != similarity.indptr[row + 1]:
            found[int(biblio_id)] = _best(similarity, row, m.records, k)
    return found, dict(zip(m.records.tolist(), lengths.tolist(), strict=True))


def rows_of(
    changed: Iterable[int],
    ratings: Iterable[tuple[int, int, int]],
    lengths: Mapping[int, float],
) -> tuple[dict[int, dict[int, float]], dict[int, float]]:
    """The whole similarity rows of the ``changed`` records (for each, every other record's
    positive score, as ``neighbours`` would find it over all ratings) and their new lengths.

    ``ratings`` holds every rating of each reader who rated a changed record, so their means
    are exact, every reader two records share is there and the changed records' columns are
    whole; ``lengths`` the stored length of the other records' columns, which have not changed.
    """
    rows = list(ratings)
    wanted = set(changed)
    found: dict[int, dict[int, float]] = {biblio_id: {} for biblio_id in wanted}
    if not rows:
        return found, {}
    m = _centred(rows)
    mine = np.flatnonzero(np.isin(m.records, list(wanted)))
    own = _column_lengths(m.centred[:, mine])
    known = np.array([lengths.get(int(b), 0.0) for b in m.records])
    known[mine] = own
    scaled = m.centred @ _divisors(known)
    scores = _kept(scaled[:, mine].T @ scaled, m.rated[:, mine].T @ m.rated)
    for row, column in enumerate(mine):
        biblio_id = int(m.records[column])
        start, end = scores.indptr[row], scores.indptr[row + 1]
        found[biblio_id] = {
            int(m.records[other]): float(score)
            for other, score in zip(scores.indices[start:end], scores.data[start:end], strict=True)
            if int(m.records[other]) != biblio_id
        }
    return found, dict(zip(m.records[mine].tolist(), own.tolist(), strict=True))
