"""Read a large generated MARC file as ``koha-bridge marc`` does; print peak memory and rate.

Usage: uv run python benchmarks/marc_file.py [--records 10000]

The demo books (MARC21 and UNIMARC, UTF-8) are written N times over, under numbered titles, as
ISO 2709, as a MARCXML collection and as a MARC-in-JSON array. Each file is read record by
record from the open file, as ``koha-bridge marc`` reads it, and, in the same run, from the
whole file read into memory first, as it was read before: the baseline. The ratio of peak
traced memory says what streaming saves; the streamed peak does not grow with the file.
Last, the whole command (read, normalise, print JSON lines to /dev/null) runs on the ISO 2709
file.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pymarc

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from koha_bridge import cli  # noqa: E402
from koha_bridge.marc import Flavour  # noqa: E402
from koha_bridge.marc.reading.files import MarcFormat, records_from_file  # noqa: E402
from koha_bridge.sandbox.seed.books import BOOKS  # noqa: E402
from koha_bridge.sandbox.seed.marc import to_marc  # noqa: E402


def generated(count: int) -> Iterator[pymarc.Record]:
    for number in range(1, count + 1):
        book = BOOKS[(number - 1) % len(BOOKS)]
        record = to_marc(book, number)
        record.leader = record.leader[:9] + "a" + record.leader[10:]  # UTF-8
        title = record["245"] if book.flavour is Flavour.MARC21 else record["200"]
        title["a"] = f"{title['a']} {number}"
        yield record


def write_files(folder: Path, count: int) -> dict[MarcFormat, Path]:
    paths = {
        MarcFormat.ISO2709: folder / "catalogue.mrc",
        MarcFormat.MARCXML: folder / "catalogue.xml",
        MarcFormat.MARC_IN_JSON: folder / "catalogue.json",
    }
    with (
        paths[MarcFormat.ISO2709].open("wb") as iso,
        paths[MarcFormat.MARCXML].open("wb") as xml,
        paths[MarcFormat.MARC_IN_JSON].open("w", encoding="utf-8") as marc_in_json,
    ):
        xml.write(b'<?xml version="1.0" encoding="UTF-8"?>\n')
        xml.write(b'<collection xmlns="http://www.loc.gov/MARC21/slim">\n')
        marc_in_json.write("[\n")
        for number, record in enumerate(generated(count)):
            iso.write(record.as_marc())
            xml.write(pymarc.record_to_xml(record) + b"\n")
            separator = ",\n" if number else ""
            marc_in_json.write(separator + json.dumps(record.as_dict(), ensure_ascii=False))
        xml.write(b"</collection>\n")
        marc_in_json.write("\n]\n")
    return paths


def measured(run: Callable[[], int]) -> tuple[int, float, int]:
    """What ``run`` returns, its seconds, and its peak traced memory (from a second, traced run:
    tracing slows Python down several times over)."""
    start = time.perf_counter()
    result = run()
    elapsed = time.perf_counter() - start
    tracemalloc.start()
    try:
        run()
        return result, elapsed, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def streamed(path: Path) -> int:
    with path.open("rb") as file:
        return sum(1 for _ in records_from_file(file))


def whole_file_first(path: Path) -> int:
    return sum(1 for _ in records_from_file(io.BytesIO(path.read_bytes())))


def command(path: Path) -> int:
    with open(os.devnull, "w") as nowhere, contextlib.redirect_stdout(nowhere):
        code = cli.main(["marc", str(path)])
    if code != cli.EXIT_OK:
        raise SystemExit(f"koha-bridge marc exited {code}")
    return 0


def mib(size: int) -> str:
    return f"{size / 2**20:7.1f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="library20-marc-bench-") as folder:
        paths = write_files(Path(folder), args.records)
        print(f"{args.records} records, UTF-8, MARC21 and UNIMARC; peak traced memory")
        for marc_format, path in paths.items():
            count, seconds, peak = measured(lambda path=path: streamed(path))
            _, base_seconds, base_peak = measured(lambda path=path: whole_file_first(path))
            print(
                f"{marc_format.value:>12}: file {mib(path.stat().st_size)}; streamed "
                f"{mib(peak)} ({count / seconds:6.0f} records/s), whole file first "
                f"{mib(base_peak)} ({count / base_seconds:6.0f} records/s); "
                f"ratio {peak / base_peak:.3f}"
            )
        iso = paths[MarcFormat.ISO2709]
        _, seconds, peak = measured(lambda: command(iso))
        print(
            f"koha-bridge marc on the {mib(iso.stat().st_size).strip()} ISO 2709 file "
            f"(read, normalise, print): peak {mib(peak).strip()}, "
            f"{args.records / seconds:.0f} records/s"
        )


if __name__ == "__main__":
    main()
