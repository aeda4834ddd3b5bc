"""Encode + decode a kiosk's SIP2 mix with our codec and with pysip2's, in one run, with the ratio.

Usage: uv run python benchmarks/sip2_codec.py [--seconds 1] [--repeats 7] [--moving-clock]

The mix is a self-check session: login 93/94, status 99/98, patron status 23/24, patron
information 63/64 with a page of items, checkout 11/12, checkin 09/10, item information
17/18, each with AY/AZ, in UTF-8. One message = one encode to bytes plus one decode back to a
typed message. pysip2 (PyPI, msgspec models) does the same with equivalent models: the script
first checks that both write the same bytes for every message of the mix, so both do the same
work. After a warm-up, the two codecs are timed round-robin, ``--repeats`` rounds of about
``--seconds`` each a side: each round's rates in messages per second and its ratio ours / pysip2
are printed, then the median ratio (above 1: ours is faster).

The codec caches the dates it reads and writes (a device sends the same ones again and again),
and the mix repeats its dates. ``--moving-clock`` takes that away: each round of the mix is one
second later than the one before, over more distinct seconds than the caches hold, so every
round reads and writes its dates afresh (within a round, requests and responses share them,
as a kiosk's exchanges in one second do).

Last, the same mix is timed through the ACS side of a connection (``AcsConnection``): the
requests arrive as a byte stream in 512-byte reads, are framed and handed out one at a time, and
each is answered with its response. It is timed against the codec doing the same decodes and
encodes alone: the ratio shows what framing, one request at a time, and the duplicate and 97
bookkeeping cost.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import fields
from datetime import datetime, timedelta
from itertools import cycle
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import msgspec  # noqa: E402
import pysip2  # noqa: E402
from pysip2.models import MESSAGE_SPECS_BY_ID  # noqa: E402

from rfid_sip2.sip2.codec import CodecOptions, Decoded, decode, encode  # noqa: E402
from rfid_sip2.sip2.connection import AcsConnection, MessageReceived  # noqa: E402
from rfid_sip2.sip2.fields import Kind, PatronStatus  # noqa: E402
from rfid_sip2.sip2.messages import (  # noqa: E402
    ACSStatus,
    CheckinRequest,
    CheckinResponse,
    CheckoutRequest,
    CheckoutResponse,
    ItemInformationRequest,
    ItemInformationResponse,
    LoginRequest,
    LoginResponse,
    Message,
    PatronInformationRequest,
    PatronInformationResponse,
    PatronStatusRequest,
    PatronStatusResponse,
    SCStatus,
)

OPTIONS = CodecOptions(encoding="utf-8")
NOW = datetime(2025, 8, 25, 14, 30, 5)
DUE = datetime(2025, 9, 8, 23, 59)
# Distinct seconds for --moving-clock: more than the codec's date caches hold (1,024).
CLOCK_SECONDS = 2048
INST, PATRON, ITEM = "MAIN", "23529000001", "39529000000001"
TITLE = "L'Écume des jours"


def kiosk_mix(now: datetime = NOW) -> list[Message]:
    """One self-check session, its clock at ``now``."""
    due = now + (DUE - NOW)
    items = tuple(f"3952900000{n:04d}" for n in range(10))
    return [
        LoginRequest(login_user_id="kiosk1", login_password="secret", location_code="Desk 1"),
        LoginResponse(ok=True),
        SCStatus(status_code="0", max_print_width="080", protocol_version="2.00"),
        ACSStatus(
            date_time_sync=now,
            institution_id=INST,
            library_name="Bibliothèque municipale",
            supported_messages="YYYYNYYYYYYNYYYY",
            terminal_location="Desk 1",
        ),
        PatronStatusRequest(
            language="001",
            transaction_date=now,
            institution_id=INST,
            patron_identifier=PATRON,
            terminal_password="",
            patron_password="1234",
        ),
        PatronStatusResponse(
            language="001",
            transaction_date=now,
            institution_id=INST,
            patron_identifier=PATRON,
            personal_name="Zoë Durand",
            valid_patron=True,
            valid_patron_password=True,
            currency_type="EUR",
            fee_amount="0.00",
        ),
        PatronInformationRequest(
            language="001",
            transaction_date=now,
            summary="  Y       ",
            institution_id=INST,
            patron_identifier=PATRON,
            patron_password="1234",
            start_item="1",
            end_item="10",
        ),
        PatronInformationResponse(
            patron_status=PatronStatus(too_many_items_overdue=True),
            language="001",
            transaction_date=now,
            hold_items_count=2,
            overdue_items_count=1,
            charged_items_count=10,
            fine_items_count=0,
            recall_items_count=0,
            unavailable_holds_count=0,
            institution_id=INST,
            patron_identifier=PATRON,
            personal_name="Zoë Durand",
            valid_patron=True,
            valid_patron_password=True,
            currency_type="EUR",
            fee_amount="1.50",
            charged_items=items,
            email_address="zoe@example.org",
            screen_messages=("Welcome back", "One item is overdue"),
        ),
        CheckoutRequest(
            transaction_date=now,
            nb_due_date=due,
            institution_id=INST,
            patron_identifier=PATRON,
            item_identifier=ITEM,
            terminal_password="",
            patron_password="1234",
            fee_acknowledged=False,
            cancel=False,
        ),
        CheckoutResponse(
            ok=True,
            renewal_ok=False,
            magnetic_media=False,
            desensitize=True,
            transaction_date=now,
            institution_id=INST,
            patron_identifier=PATRON,
            item_identifier=ITEM,
            title_identifier=TITLE,
            due_date="20250908    235900",
            media_type="001",
            screen_messages=("Due back on 8 September",),
        ),
        CheckinRequest(
            transaction_date=now,
            return_date=now,
            current_location="Returns chute",
            institution_id=INST,
            item_identifier=ITEM,
            terminal_password="",
        ),
        CheckinResponse(
            ok=True,
            resensitize=True,
            magnetic_media=False,
            transaction_date=now,
            institution_id=INST,
            item_identifier=ITEM,
            permanent_location="Fiction",
            title_identifier=TITLE,
            sort_bin="A1",
        ),
        ItemInformationRequest(transaction_date=now, institution_id=INST, item_identifier=ITEM),
        ItemInformationResponse(
            circulation_status="03",
            security_marker="02",
            fee_type="01",
            transaction_date=now,
            item_identifier=ITEM,
            title_identifier=TITLE,
            owner=INST,
            media_type="001",
            permanent_location="Fiction",
            current_location="Shelf",
        ),
    ]


def wire_text(kind: Kind, value: Any) -> Any:
    """A field as the wire writes it: how pysip2's models hold every field."""
    if value is None and kind not in (Kind.YNU, Kind.COUNT):
        return None
    if kind is Kind.FLAG:
        return "Y" if value else "N"
    if kind is Kind.BIT:
        return "1" if value else "0"
    if kind is Kind.YNU:
        return "U" if value is None else "Y" if value else "N"
    if kind is Kind.DATE:
        return f"{value:%Y%m%d}    {value:%H%M%S}"
    if kind is Kind.COUNT:
        return "    " if value is None else f"{value:04d}"
    if kind is Kind.STATUS:
        return "".join("Y" if getattr(value, f.name) else " " for f in fields(value))
    return value


def as_pysip2(message: Message) -> pysip2.SIPMessage:
    """The equivalent pysip2 model."""
    names = {"screen_messages": "screen_message", "print_lines": "print_line"}
    values = {}
    for spec in (*message.FIXED, *message.TAGGED):
        value = getattr(message, spec.name)
        if getattr(spec, "repeat", False):
            values[names.get(spec.name, spec.name)] = tuple(value)
        else:
            values[names.get(spec.name, spec.name)] = wire_text(spec.kind, value)
    struct_type = MESSAGE_SPECS_BY_ID[message.CODE].struct_type
    return msgspec.convert(values, type=struct_type, strict=True)


def ours(mixes: list[list[Message]]) -> Callable[[], None]:
    """Each round the next of the mixes (one, or one per second of a moving clock)."""
    rounds = cycle(mixes)

    def one_round() -> None:
        for sequence, message in enumerate(next(rounds)):
            frame = encode(
                message, sequence_number=sequence % 10, error_detection=True, options=OPTIONS
            )
            decode(frame, OPTIONS)

    return one_round


def exchanges(mix: list[Message]) -> tuple[list[bytes], list[Message]]:
    """The requests as a device sends them, and the response to each."""
    frames = [
        encode(message, sequence_number=sequence % 10, error_detection=True, options=OPTIONS)
        for sequence, message in enumerate(mix[0::2])
    ]
    return frames, mix[1::2]


def codec_only(mix: list[Message]) -> Callable[[], None]:
    """The codec's part of each exchange: the request decoded, its response encoded."""
    frames, responses = exchanges(mix)

    def one_round() -> None:
        for sequence, (frame, response) in enumerate(zip(frames, responses, strict=True)):
            decode(frame[:-1], OPTIONS)
            encode(response, sequence_number=sequence, error_detection=True, options=OPTIONS)

    return one_round


def acs_side(mix: list[Message]) -> Callable[[], None]:
    """The same exchanges through AcsConnection, the requests arriving in 512-byte reads."""
    frames, responses = exchanges(mix)
    stream = b"".join(frames)

    def one_round() -> None:
        acs = AcsConnection(options=OPTIONS, login_required=False)
        answers = iter(responses)
        for start in range(0, len(stream), 512):
            acs.receive_data(stream[start : start + 512])
            while (event := acs.next_event()) is not None:
                if isinstance(event, MessageReceived):
                    acs.respond(next(answers))

    return one_round


def theirs(mixes: list[list[pysip2.SIPMessage]]) -> Callable[[], None]:
    encode_message, decode_message = pysip2.encode_message, pysip2.decode_message
    rounds = cycle(mixes)

    def one_round() -> None:
        for sequence, message in enumerate(next(rounds)):
            frame = encode_message(
                message, sequence_number=sequence % 10, checksum=True, encoding="utf-8"
            )
            decode_message(frame, encoding="utf-8")

    return one_round


def calibrate(one_round: Callable[[], None], seconds: float) -> int:
    """Rounds of the mix that take about ``seconds``, after a warm-up."""
    for _ in range(50):
        one_round()
    start = time.perf_counter()
    rounds = 0
    while time.perf_counter() - start < 0.2:
        one_round()
        rounds += 1
    return max(1, int(rounds * seconds / (time.perf_counter() - start)))


def timed(one_round: Callable[[], None], rounds: int, size: int) -> float:
    """Messages per second over ``rounds`` rounds of a mix of ``size`` messages."""
    start = time.perf_counter()
    for _ in range(rounds):
        one_round()
    return rounds * size / (time.perf_counter() - start)


def interleaved(
    names: tuple[str, str],
    sides: tuple[Callable[[], None], Callable[[], None]],
    size: int,
    seconds: float,
    repeats: int,
) -> float:
    """Both sides timed round-robin, one run each per round; prints each round, returns the
    median ratio first / second (the machine's slow and fast moments fall on both)."""
    counts = [calibrate(side, seconds) for side in sides]
    ratios = []
    for number in range(1, repeats + 1):
        first, second = (
            timed(side, count, size) for side, count in zip(sides, counts, strict=True)
        )
        ratios.append(first / second)
        print(
            f"round {number}: {names[0]} {first:>10,.0f}/s  {names[1]} {second:>10,.0f}/s"
            f"  ratio {first / second:.2f}"
        )
    return statistics.median(ratios)


def check_same_work(mix: list[Message], models: list[pysip2.SIPMessage]) -> None:
    """Both codecs write the same bytes, and each reads the other's back to the same message."""
    for sequence, (message, model) in enumerate(zip(mix, models, strict=True)):
        frame = encode(
            message, sequence_number=sequence % 10, error_detection=True, options=OPTIONS
        )
        their_frame = pysip2.encode_message(
            model, sequence_number=sequence % 10, checksum=True, encoding="utf-8"
        )
        assert frame == their_frame, (frame, their_frame)
        result = decode(frame, OPTIONS)
        assert isinstance(result, Decoded) and result.message == message, result
        assert pysip2.decode_message(frame, encoding="utf-8").message == model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.0, help="per round, per side")
    parser.add_argument("--repeats", type=int, default=7, help="rounds")
    parser.add_argument(
        "--moving-clock",
        action="store_true",
        help=f"each round of the mix one second later, {CLOCK_SECONDS} seconds in turn",
    )
    args = parser.parse_args()

    seconds = range(CLOCK_SECONDS if args.moving_clock else 1)
    mixes = [kiosk_mix(NOW + timedelta(seconds=second)) for second in seconds]
    all_models = [[as_pysip2(message) for message in mix] for mix in mixes]
    for mix, models in zip(mixes, all_models, strict=True):
        check_same_work(mix, models)
    mix = mixes[0]
    size = len(mix)
    total_bytes = sum(len(encode(m, sequence_number=0, error_detection=True)) for m in mix)

    print(
        f"mix: {size} messages ({' '.join(m.CODE for m in mix)}), {total_bytes} bytes a round, "
        f"AY/AZ on, UTF-8; same bytes from both codecs"
    )
    if args.moving_clock:
        print(
            f"dates moving: {CLOCK_SECONDS} clock seconds in turn, more than the date caches hold"
        )
    print(f"encode + decode, {args.repeats} rounds of ~{args.seconds:g} s a side, interleaved")
    names = ("rfid_sip2.sip2", f"pysip2 {pysip2.__version__}")
    sides = (ours(mixes), theirs(all_models))
    ratio = interleaved(names, sides, size, args.seconds, args.repeats)
    print(f"median ratio ours / pysip2: {ratio:.2f}")
    print("exchanges (a request decoded, its response encoded), as a server and codec alone")
    names = ("AcsConnection", "codec alone")
    sides = (acs_side(mix), codec_only(mix))
    ratio = interleaved(names, sides, size // 2, args.seconds, args.repeats)
    print(f"median ratio AcsConnection / codec alone: {ratio:.2f}")


if __name__ == "__main__":
    main()
