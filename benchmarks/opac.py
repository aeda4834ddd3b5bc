"""Time "readers who liked this also liked" for 10,000 records and 100,000 ratings.

Usage: uv run python benchmarks/opac.py [--records 10000] [--ratings 100000] [--readers 5000]

Ratings are generated with taste: readers belong to one of 20 circles, each liking its own
part of the catalogue (4-5 stars) and rating the rest lower. It prints the time and peak traced
memory of the full recompute of every record's neighbours (``plugins.opac.recommendations
.neighbours``), against building the readers × records rating matrix alone in the same run,
and checks that recommendations stay within a reader circle's part more often than chance.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "library_site.settings.test")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402
from scipy import sparse  # noqa: E402

from plugins.opac.recommendations.similarity import neighbours  # noqa: E402

CIRCLES = 20


def generated(records: int, ratings: int, readers: int) -> list[tuple[int, int, int]]:
    rng = random.Random(20261202)
    rows: dict[tuple[int, int], int] = {}
    while len(rows) < ratings:
        reader = rng.randrange(readers)
        circle = reader % CIRCLES
        if rng.random() < 0.7:  # mostly their circle's books
            record = rng.randrange(records // CIRCLES) * CIRCLES + circle
            stars = rng.choice((4, 5, 5))
        else:
            record = rng.randrange(records)
            stars = rng.choice((1, 2, 3, 3, 4))
        rows[(reader, record)] = stars
    return [(reader, record, stars) for (reader, record), stars in rows.items()]


def matrix_only(rows: list[tuple[int, int, int]]) -> object:
    readers = np.array([r for r, _b, _s in rows])
    records = np.array([b for _r, b, _s in rows])
    stars = np.array([s for _r, _b, s in rows], dtype=np.float64)
    return sparse.csr_matrix((stars, (readers, records))).T @ sparse.csr_matrix(
        (stars, (readers, records))
    )


def measure(action, runs: int) -> tuple[float, float]:
    """Median seconds and peak traced MiB."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return statistics.median(timings), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--ratings", type=int, default=100_000)
    parser.add_argument("--readers", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    rows = generated(args.records, args.ratings, args.readers)
    base_seconds, base_peak = measure(lambda: matrix_only(rows), args.runs)
    seconds, peak = measure(lambda: neighbours(rows), args.runs)
    found = neighbours(rows)
    pairs = [(record, n.biblio_id) for record, near in found.items() for n in near]
    same_circle = sum(a % CIRCLES == b % CIRCLES for a, b in pairs) / max(len(pairs), 1)

    print(f"{args.records} records, {len(rows)} ratings by {args.readers} readers")
    print(f"rating matrix and its product alone: {base_seconds:6.2f} s, peak {base_peak:6.1f} MiB")
    print(f"full recompute of neighbours:        {seconds:6.2f} s, peak {peak:6.1f} MiB")
    print(f"ratio recompute / matrix alone: {seconds / base_seconds:.1f}x time")
    print(
        f"{len(found)} records with neighbours, {len(pairs)} pairs; "
        f"{same_circle:.0%} within the readers' circle (chance: {1 / CIRCLES:.0%})"
    )


if __name__ == "__main__":
    main()
