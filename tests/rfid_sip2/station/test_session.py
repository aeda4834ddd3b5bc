"""A patron's session at the kiosk API: signing in, the account, renew and hold, the receipt,
the idle reset; and no PIN or password in any log line."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from datetime import UTC, datetime, timedelta

from rfid_sip2.station.config import Smtp
from rfid_sip2.station.control import Mode, Notice, Outcome, Screen
from rfid_sip2.station.station import Station
from tests.rfid_sip2.gateway.harness import PASSWORD
from tests.rfid_sip2.gateway.upstreams import free_items
from tests.rfid_sip2.station.conftest import station_config
from tests.rfid_sip2.station.fakes import FakeReader, item_memory
from tests.rfid_sip2.station.scenario import (
    ANDREI,
    ANDREI_PIN,
    MARIA_CARD_LOST,
    MARIA_PIN,
    OLENA,
    OLENA_PIN,
    outcome_list,
    polls,
    sign_in,
    tag_items,
)
from tests.rfid_sip2.station.smtpsink import SmtpSink


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


def test_an_unknown_card_a_wrong_pin_and_a_blocked_patron_are_told_apart(tmp_path, library):
    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), FakeReader())
        screen = await sign_in(station, "23529009999999", "0000")
        assert (screen.mode, screen.notice) == (Mode.SIGN_IN, Notice.PATRON_UNKNOWN)
        await station.sign_in(OLENA, "9999")
        assert station.screen().notice is Notice.WRONG_PIN
        await station.sign_in(MARIA_CARD_LOST, MARIA_PIN)
        screen = station.screen()
        assert screen.notice is Notice.PATRON_BLOCKED and screen.notice_detail
        assert screen.patron is None
        await station.sign_in(OLENA, "")
        assert station.screen().notice is Notice.WRONG_PIN  # a PIN is required by default
        await station.sign_in(OLENA, OLENA_PIN)
        screen = station.screen()
        assert screen.mode is Mode.CHECKOUT and screen.notice is None
        assert screen.patron.name == "Олена Коваленко" and screen.patron.has_email
        await station.close()

    asyncio.run(scenario())


def test_a_patron_card_on_the_pad_signs_in_with_its_pin(tmp_path, library):
    reader = FakeReader()
    card = reader.new_tag(item_memory(OLENA, kind=8))

    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), reader)
        reader.place(card)
        await polls(station)
        assert station.screen().mode is Mode.SIGN_IN and station.screen().card_on_pad
        await station.sign_in("", OLENA_PIN)
        screen = station.screen()
        assert screen.mode is Mode.CHECKOUT and screen.patron.name == "Олена Коваленко"
        await polls(station, 2)
        assert screen.items == ()  # the card itself is never circulated
        await station.done()
        assert not station.screen().card_on_pad  # the next reader starts without it
        await station.close()

    asyncio.run(scenario())


def test_where_no_pin_is_asked_a_patron_card_signs_in_by_itself(tmp_path, library):
    barcodes = free_items(library.sandbox, 1)
    reader = FakeReader()
    card = reader.new_tag(item_memory(ANDREI, kind=8))
    (book,) = tag_items(reader, barcodes)

    async def scenario() -> None:
        config = station_config(tmp_path, library.port, pin_required=False)
        station = Station(config, reader)
        reader.place(card, book)
        await polls(station)
        screen = station.screen()
        assert screen.mode is Mode.CHECKOUT and screen.patron.name == "Andrei Popescu"
        assert outcome_list(station) == [Outcome.BORROWED]
        await station.close()

    asyncio.run(scenario())


def test_the_account_shows_loans_with_titles_and_due_dates_and_holds(tmp_path, library):
    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), FakeReader())
        await sign_in(station, OLENA, OLENA_PIN)
        before = len(library.cable.seen)
        await station.choose(Mode.ACCOUNT)
        patron = station.screen().patron
        assert station.screen().mode is Mode.ACCOUNT
        assert {loan.item_id for loan in patron.loans} == {"39520000000001", "39520000000002"}
        assert all(loan.title and loan.due for loan in patron.loans)
        overdue = {loan.item_id for loan in patron.loans if loan.overdue}
        assert overdue == {"39520000000002"}  # borrowed 30 days before the sandbox's today
        assert [hold.item_id for hold in patron.holds] == []
        # One patron information for the loans, one for the overdue list, one 17 per loan.
        assert [r.CODE for r in library.cable.seen[before:]] == ["63", "63", "17", "17"]
        await station.close()

    asyncio.run(scenario())


def test_holds_not_yet_available_are_in_the_account_with_their_titles(tmp_path, library):
    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), FakeReader())
        await sign_in(station, ANDREI, ANDREI_PIN)  # waits for biblio 1 (seeded)
        await station.choose(Mode.ACCOUNT)
        patron = station.screen().patron
        assert patron.loans == ()
        (hold,) = patron.holds
        assert hold.item_id == "39520000000001" and hold.title and not hold.ready
        await station.close()

    asyncio.run(scenario())


def test_renew_and_place_a_hold_from_the_account(tmp_path, library):
    barcodes = free_items(library.sandbox, 2)
    reader = FakeReader()
    (uid,) = tag_items(reader, barcodes[:1])

    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), reader)
        await sign_in(station, ANDREI, ANDREI_PIN)
        reader.place(uid)
        await polls(station)
        assert outcome_list(station) == [Outcome.BORROWED]
        await station.choose(Mode.ACCOUNT)
        (loan,) = [loan for loan in station.screen().patron.loans if loan.item_id == barcodes[0]]
        await station.renew(barcodes[0])
        screen = station.screen()
        assert screen.notice is Notice.RENEWED, screen.notice_detail
        (renewed,) = [loan for loan in screen.patron.loans if loan.item_id == barcodes[0]]
        assert renewed.due >= loan.due

        await station.renew("39520000000001")  # not Andrei's loan
        assert station.screen().notice is Notice.RENEW_REFUSED

        held_before = len(station.screen().patron.holds)
        await station.place_hold(barcodes[1])
        screen = station.screen()
        assert screen.notice is Notice.HOLD_PLACED, screen.notice_detail
        assert len(screen.patron.holds) == held_before + 1
        await station.place_hold("00000000000000")
        assert station.screen().notice is Notice.HOLD_REFUSED
        await station.close()

    asyncio.run(scenario())


def test_finishing_ends_the_sip2_session_and_the_idle_reset_forgets_the_patron(tmp_path, library):
    clock = Clock()

    async def scenario() -> None:
        config = station_config(tmp_path, library.port, idle_seconds=30)
        station = Station(config, FakeReader(), clock=clock)
        assert station.screen().idle_reset_at is None
        await sign_in(station, OLENA, OLENA_PIN)
        assert station.screen().idle_reset_at == clock.now + timedelta(seconds=30)
        clock.now += timedelta(seconds=29)
        await station.reset_if_idle()
        assert station.screen().patron is not None
        await station.finish()
        assert station.screen().mode is Mode.RECEIPT
        assert [r.CODE for r in library.cable.seen][-1] == "35"
        clock.now += timedelta(seconds=31)
        await station.reset_if_idle()
        screen = station.screen()
        assert screen.mode is Mode.WELCOME and screen.patron is None
        assert screen.idle_reset_at is None and screen.items == ()
        assert [r.CODE for r in library.cable.seen].count("35") == 1
        await station.close()

    asyncio.run(scenario())


def test_the_next_reader_may_start_from_the_receipt(tmp_path, library):
    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), FakeReader())
        await sign_in(station, OLENA, OLENA_PIN)
        await station.finish()
        await station.choose(Mode.CHECKOUT)  # the session is over: the next one signs in
        screen = station.screen()
        assert screen.mode is Mode.SIGN_IN and screen.patron is None
        await station.sign_in(ANDREI, ANDREI_PIN)
        screen = station.screen()
        assert screen.mode is Mode.CHECKOUT and screen.patron.name == "Andrei Popescu"
        await station.close()

    asyncio.run(scenario())


def test_choosing_the_account_at_the_welcome_screen_leads_there_after_the_sign_in(
    tmp_path, library
):
    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), FakeReader())
        await station.choose(Mode.ACCOUNT)
        assert station.screen().mode is Mode.SIGN_IN
        await station.sign_in(OLENA, OLENA_PIN)
        screen = station.screen()
        assert screen.mode is Mode.ACCOUNT and len(screen.patron.loans) == 2
        await station.choose(Mode.CHECKOUT)
        assert station.screen().mode is Mode.CHECKOUT
        await station.close()

    asyncio.run(scenario())


def test_an_idle_session_that_was_not_finished_is_ended_in_the_ils(tmp_path, library):
    clock = Clock()

    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), FakeReader(), clock=clock)
        await sign_in(station, OLENA, OLENA_PIN)
        clock.now += timedelta(seconds=61)
        await station.reset_if_idle()
        assert station.screen().mode is Mode.WELCOME
        assert [r.CODE for r in library.cable.seen][-1] == "35"
        await station.close()

    asyncio.run(scenario())


def test_books_left_on_the_pad_are_not_lent_to_the_next_patron(tmp_path, library):
    (barcode,) = free_items(library.sandbox, 1)
    reader = FakeReader()
    (uid,) = tag_items(reader, [barcode])

    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), reader)
        await station.choose(Mode.RETURN)
        reader.place(uid)
        await polls(station)
        await station.done()
        await sign_in(station, ANDREI, ANDREI_PIN)
        await polls(station, 2)
        assert station.screen().items == ()
        reader.lift(uid)
        await polls(station)
        reader.place(uid)
        await polls(station)
        assert outcome_list(station) == [Outcome.BORROWED]
        await station.close()

    asyncio.run(scenario())


def render(screen: Screen, language: str) -> tuple[str, str]:
    lines = "\n".join(f"{line.item_id} {line.outcome}" for line in screen.items)
    return f"Receipt ({language})", f"{screen.patron.name}\n{lines}\n"


def test_the_receipt_goes_to_the_patrons_address_without_showing_it(tmp_path, library):
    (barcode,) = free_items(library.sandbox, 1)
    reader = FakeReader()
    (uid,) = tag_items(reader, [barcode])
    sink = SmtpSink()

    async def scenario() -> None:
        port = await sink.start()
        smtp = Smtp(host="127.0.0.1", port=port, sender="kiosk@library20.example")
        config = station_config(tmp_path, library.port, smtp=smtp)
        station = Station(config, reader, render_receipt=render)
        await sign_in(station, ANDREI, ANDREI_PIN)
        reader.place(uid)
        await polls(station)
        await station.finish()
        await station.email_receipt()
        assert station.screen().notice is Notice.RECEIPT_SENT
        assert "andrei.popescu" not in repr(station.screen())
        await station.close()
        await sink.stop()

    asyncio.run(scenario())
    ((sender, recipients, message),) = sink.messages
    assert recipients == ["andrei.popescu@library20.example"]
    assert sender == "kiosk@library20.example"
    assert message["Subject"] == "Receipt (en)"
    assert f"{barcode} borrowed" in message.get_content()


def test_without_smtp_or_an_address_the_receipt_is_not_sent(tmp_path, library):
    async def scenario() -> None:
        station = Station(
            station_config(tmp_path, library.port), FakeReader(), render_receipt=render
        )
        await sign_in(station, OLENA, OLENA_PIN)
        await station.email_receipt()
        assert station.screen().notice is Notice.RECEIPT_NOT_SENT
        await station.done()
        smtp = Smtp(host="127.0.0.1", port=1)
        station = Station(
            station_config(tmp_path, library.port, smtp=smtp), FakeReader(), render_receipt=render
        )
        await sign_in(station, "23529001000015", "5555")  # Ion: no e-mail address
        await station.email_receipt()
        assert station.screen().notice is Notice.RECEIPT_NOT_SENT
        await station.close()

    asyncio.run(scenario())


def test_a_mail_server_that_does_not_answer_is_a_notice_not_a_failure(tmp_path, library):
    async def scenario() -> None:
        smtp = Smtp(host="127.0.0.1", port=1)  # nothing listens there
        config = station_config(tmp_path, library.port, smtp=smtp)
        station = Station(config, FakeReader(), render_receipt=render)
        await sign_in(station, OLENA, OLENA_PIN)
        await station.email_receipt()
        assert station.screen().notice is Notice.RECEIPT_NOT_SENT
        assert "olena" not in station.screen().notice_detail
        await station.close()

    asyncio.run(scenario())


def test_no_pin_or_password_reaches_any_log_line_in_a_whole_session(tmp_path, library, caplog):
    caplog.set_level(logging.DEBUG)
    barcodes = free_items(library.sandbox, 2)
    reader = FakeReader()
    uids = tag_items(reader, barcodes)
    pin = "2222"

    async def scenario() -> None:
        config = station_config(tmp_path, library.port, terminal_password="terminal-secret-9")
        station = Station(config, reader, render_receipt=render)
        await sign_in(station, ANDREI, "2223")  # a wrong PIN first
        await station.sign_in(ANDREI, pin)
        reader.fail_writes = 1
        reader.place(*uids)
        await polls(station)
        await station.choose(Mode.ACCOUNT)
        await station.renew(barcodes[0])
        await station.place_hold(barcodes[1])
        await station.finish()
        await station.email_receipt()
        await station.done()
        await station.choose(Mode.RETURN)
        await polls(station)
        await station.close()

    asyncio.run(scenario())
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "event=item" in text and "event=sign_in" in text and "command=11" in text
    for secret in (pin, "2223", PASSWORD, "terminal-secret-9"):
        assert secret not in text.replace(ANDREI, "")  # the card number contains "2"s


def test_the_patrons_sip2_language_sets_the_screen_language(tmp_path, library):
    async def scenario() -> None:
        # The sandbox answers in the language the request names: a site mapping says uk.
        config = station_config(tmp_path, library.port, languages={"000": "uk"})
        station = Station(config, FakeReader())
        await sign_in(station, OLENA, OLENA_PIN)
        assert station.screen().language == "uk"
        assert station.screen().patron.language == "uk"
        await station.done()
        assert station.screen().language == "en"
        await station.close()

    asyncio.run(scenario())


def test_the_book_drop_returns_whatever_is_put_on_the_pad_with_one_line_each(
    tmp_path, library, caplog
):
    caplog.set_level(logging.INFO, logger="rfid_sip2.station")
    reader = FakeReader()
    uids = tag_items(reader, ["39520000000002"])

    async def scenario() -> None:
        station = Station(station_config(tmp_path, library.port), reader, home=Mode.RETURN)
        assert station.screen().mode is Mode.RETURN
        reader.place(*uids)
        await polls(station, 3)
        assert [line.outcome for line in station.screen().items] == [Outcome.TRANSFER]
        await station.close()

    asyncio.run(scenario())
    items = [r.getMessage() for r in caplog.records if "event=item " in r.getMessage()]
    assert len(items) == 1 and "item=39520000000002" in items[0]


def test_a_config_dataclass_copy_keeps_secrets_out_of_its_repr(tmp_path):
    config = station_config(tmp_path, 1, sip2_password="pw-123", terminal_password="t-456")
    smtp = Smtp(host="h", port=25, password="smtp-789")
    assert "pw-123" not in repr(config) and "t-456" not in repr(config)
    assert "smtp-789" not in repr(dataclasses.replace(config, smtp=smtp))
