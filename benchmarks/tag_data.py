"""Decode and encode throughput of the tag data models, against struct.unpack of the same bytes.

Usage: uv run python benchmarks/tag_data.py [--rounds 15] [--batch 2000]

For each model (ISO 28560-3 with a title block, the real ISO 28560-2 tag, the 3M layout) it times
``rfid_sip2.rfid.tags.decode`` of the tag's memory as a reader returns it (28 blocks), then
``encode`` of the decoded tag, and, as the floor, a bare ``struct.unpack`` of the same memory: the
least any decoder must do to look at the bytes. The three run in turn, a batch each, round after
round (interleaved, so all meet the same machine); the script prints each model's median tags per
second and the median ratio floor / ours per round (how many times slower than the floor we are).
A station reads at most a few dozen tags a second, so the figure to watch is microseconds per tag.
"""

from __future__ import annotations

import argparse
import statistics
import struct
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from rfid_sip2.rfid.iso28560_3_blocks import TitleBlock  # noqa: E402
from rfid_sip2.rfid.tags import ItemTag, Usage, decode, encode  # noqa: E402

MEMORY = 28 * 4  # an ICODE SLIX tag's user memory: what a station reads in one go
FLOOR = struct.Struct(f"{MEMORY}B")

SAMPLES = {
    "iso28560-3": encode(
        ItemTag(
            "iso28560-3",
            "39520000000006",
            "MD-CPL",
            parts=2,
            part=1,
            usage=Usage(1),
            extensions=(TitleBlock("Amintiri din copilărie"),),
        )
    ),
    # The real tag from the Hypernova iso28560 tests: PII 1620168259, ISIL FI-Mamk-M.
    "iso28560-2": bytes.fromhex(
        "91 01 04 60 91 CE 43 80 02 01 A8 05 01 10 67 02 42 41 03 07 32 40 DE 05 AB 07 5B 00"
    ),
    # Biblio-RFID's RFID501 test vector.
    "3m": bytes.fromhex(
        "04 11 00 00 32 30 30 39 30 31 30 31 30 31 32 33 "
        "00 00 00 00 FF FF FF FF 7F FF FF FF 00 00 00 00"
    ),
}


def per_second(work: Callable[[], object], batch: int) -> float:
    start = time.perf_counter()
    for _ in range(batch):
        work()
    return batch / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--batch", type=int, default=2000, help="calls per timing")
    args = parser.parse_args()
    print(f"{MEMORY}-byte memories; {args.rounds} rounds of {args.batch} calls, interleaved")
    print(
        f"{'model':<11} {'floor/s':>12} {'decode/s':>10} {'µs':>6} {'ratio':>6}"
        f" {'encode/s':>10} {'µs':>6} {'ratio':>6}"
    )
    for model, sample in SAMPLES.items():
        memory = sample.ljust(MEMORY, b"\0")
        tag = decode(memory)
        assert tag.model == model and encode(tag) == sample.ljust(len(encode(tag)), b"\0")
        work: dict[str, Callable[[], object]] = {
            "floor": partial(FLOOR.unpack, memory),
            "decode": partial(decode, memory),
            "encode": partial(encode, tag),
        }
        for run in work.values():  # warm-up
            per_second(run, args.batch // 10)
        rates: dict[str, list[float]] = {name: [] for name in work}
        for _ in range(args.rounds):
            for name, run in work.items():
                rates[name].append(per_second(run, args.batch))
        floor = statistics.median(rates["floor"])
        cells = [f"{model:<11} {floor:>12,.0f}"]
        for name in ("decode", "encode"):
            ratio = statistics.median(
                f / r for f, r in zip(rates["floor"], rates[name], strict=True)
            )
            rate = statistics.median(rates[name])
            cells.append(f"{rate:>10,.0f} {1e6 / rate:>6.1f} {ratio:>5.0f}x")
        print(" ".join(cells))


if __name__ == "__main__":
    main()
