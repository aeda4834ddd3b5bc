"""The kiosk over HTTP: every mode rendered, the forms drive the station, nothing else can."""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import UTC, datetime

import aiohttp
import pytest

from rfid_sip2.station.control import (
    Hold,
    ItemLine,
    Loan,
    Mode,
    Notice,
    Outcome,
    Patron,
)
from rfid_sip2.station.kiosk import server, start_kiosk
from rfid_sip2.station.kiosk.words import labels
from tests.rfid_sip2.station.kiosk.fake_station import library
from tests.rfid_sip2.station.kiosk.harness import page, play, press, signed_in

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
MODES = ["welcome", "sign_in", "checkout", "return", "account", "receipt"]
HEADINGS = {
    "welcome": "welcome",
    "sign_in": "sign_in",
    "checkout": "checkout_heading",
    "return": "return_heading",
    "account": "account_heading",
    "receipt": "receipt_heading",
}


def h1(html: str) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)


@pytest.mark.parametrize("language", ["en", "ru", "uk", "ro"])
@pytest.mark.parametrize("mode", MODES)
def test_every_mode_is_shown_in_every_language_with_lang_on_the_page(mode, language):
    async def steps(station, http, kiosk):
        station.show(mode=Mode(mode), language=language, patron=library().cards["1001"].patron)
        return await page(http)

    html = play(steps)

    assert f'<html lang="{language}">' in html
    assert h1(html) == labels(language)[HEADINGS[mode]]
    if language != "en":
        assert h1(html) != labels("en")[HEADINGS[mode]]


def test_welcome_offers_borrow_return_and_my_account_and_the_four_languages_by_their_own_names():
    html = play(lambda station, http, kiosk: page(http))

    for choice in ("checkout", "return", "account"):
        assert f'name="mode" value="{choice}"' in html
    for code, name in (
        ("en", "English"),
        ("ru", "Русский"),
        ("uk", "Українська"),
        ("ro", "Română"),
    ):
        assert f'value="{code}" lang="{code}"' in html
        assert f">{name}</button>" in html
    assert 'aria-pressed="true">English' in html


def test_borrow_asks_the_reader_to_sign_in_with_card_and_pin_and_the_pad():
    async def steps(station, http, kiosk):
        response = await press(http, "/choose", mode="checkout")
        return response, await page(http)

    response, html = play(steps)

    assert response.status == 303 and response.headers["Location"] == "/"
    assert h1(html) == "Sign in"
    assert '<label for="patron_id">Card number</label>' in html
    assert '<label for="pin">PIN</label>' in html
    assert 'type="password"' in html
    assert "Place your library card on the pad" in html
    assert 'role="group" aria-labelledby="keypad-label"' in html


def test_signing_in_with_the_right_pin_greets_the_reader_at_the_pad():
    async def steps(station, http, kiosk):
        await signed_in(station, http)
        return station, await page(http)

    station, html = play(steps)

    assert station.calls == ["choose checkout", "sign_in 1001"]
    assert h1(html) == "Borrow books"
    assert "Hello, Anna Popescu" in html
    assert "No books yet." in html


def test_a_pin_without_a_number_signs_in_with_the_card_on_the_pad():
    async def steps(station, http, kiosk):
        await press(http, "/choose", mode="checkout")
        await press(http, "/sign-in", patron_id="", pin="1234")
        return station

    station = play(steps)

    assert station.calls == ["choose checkout", "sign_in "]


def test_a_card_found_on_the_pad_asks_only_for_the_pin():
    async def steps(station, http, kiosk):
        await press(http, "/choose", mode="checkout")
        station.show(card_on_pad=True)
        return await page(http)

    html = play(steps)

    assert "Your library card is on the pad: now type your PIN." in html
    assert re.search(r'<input id="pin"[^>]* autofocus', html)
    assert not re.search(r'<input id="patron_id"[^>]* autofocus', html)


def test_a_wrong_pin_is_said_and_no_pin_reaches_the_log(caplog):
    caplog.set_level(logging.DEBUG)

    async def steps(station, http, kiosk):
        await press(http, "/choose", mode="checkout")
        await press(http, "/sign-in", patron_id="1001", pin="9876")
        return await page(http)

    html = play(steps)

    assert h1(html) == "Sign in"
    assert 'role="alert"' in html and "The PIN is not right." in html
    assert "9876" not in caplog.text
    assert "1001" not in caplog.text
    assert "event=kiosk_action action=sign_in" in caplog.text


def test_books_on_the_pad_are_worded_for_a_reader_with_their_due_dates():
    async def steps(station, http, kiosk):
        await signed_in(station, http)
        station.put_on_pad("31001", "31003", "31004", "31005")
        working = await page(http)
        station.circulate()
        return working, await page(http)

    working, done = play(steps)

    assert working.count("Working on it…") == 4
    assert '<meta http-equiv="refresh" content="3">' in working  # without JavaScript
    assert 'aria-live="polite"' in working
    assert "Borrowed: due back 23 December 2026" in done
    assert "Parts missing: 2 of 3" in done
    assert "Put all 3 parts on the pad together." in done
    assert "Put it back on the pad." in done
    assert "Item is on hold for another patron" in done
    assert "Please take this book to the desk." in done


def test_returned_books_someone_waits_for_or_that_belong_elsewhere_are_put_aside():
    async def steps(station, http, kiosk):
        await press(http, "/choose", mode="return")
        station.put_on_pad("32001", "32002", "31001", "99999")
        station.circulate()
        return await page(http)

    html = play(steps)

    assert h1(html) == "Return books"
    assert "Someone is waiting for this book." in html
    assert "Put this book aside, in bin 2." in html
    assert "It belongs to Central Library." in html
    assert "Returned" in html
    assert "This book&#39;s tag cannot be read." in html


def test_loans_taken_while_the_library_system_is_offline_read_recorded_will_be_confirmed():
    due = datetime(2026, 12, 23, tzinfo=UTC)

    async def steps(station, http, kiosk):
        await signed_in(station, http)
        station.show(
            offline=True,
            notice=Notice.OFFLINE,
            items=(ItemLine("31001", "Tiger Trails", Outcome.RECORDED_OFFLINE, due=due),),
        )
        checkout = await page(http)
        await press(http, "/finish")
        return checkout, await page(http)

    checkout, receipt = play(steps)

    assert "Recorded, will be confirmed: due back 23 December 2026" in checkout
    assert "The library system is offline" in checkout
    assert "1 book borrowed" in receipt
    assert "will be confirmed" in receipt


def test_the_readers_sip2_language_sets_the_page_language():
    async def steps(station, http, kiosk):
        await press(http, "/choose", mode="checkout")
        await press(http, "/sign-in", patron_id="1002", pin="5678")
        return await page(http)

    html = play(steps)

    assert '<html lang="uk">' in html
    assert h1(html) == "Взяти книжки"
    assert "Вітаємо, Олена Коваль" in html


def test_the_language_button_changes_the_language_and_an_unknown_one_is_refused():
    async def steps(station, http, kiosk):
        changed = await press(http, "/language", language="ro")
        html = await page(http)
        refused = await press(http, "/language", language="xx")
        return changed, html, refused, station

    changed, html, refused, station = play(steps)

    assert changed.status == 303
    assert '<html lang="ro">' in html and h1(html) == "Bine ați venit la bibliotecă"
    assert 'aria-pressed="true">Română' in html
    assert refused.status == 400
    assert station.calls == ["language ro"]


def test_the_account_lists_loans_with_renew_buttons_and_holds_ready_or_not():
    async def steps(station, http, kiosk):
        await signed_in(station, http, mode="account")
        return await page(http)

    html = play(steps)

    assert h1(html) == "My account"
    assert "The Master and Margarita" in html and "Due back 10 December 2026" in html
    assert 'name="item_id" value="30001"' in html
    assert "Overdue" in html
    assert "Ion" in html and "Ready to pick up" in html
    assert "War and Peace" in html and "Not ready yet" in html
    assert '<label for="hold_item">Item number</label>' in html


def test_renewing_and_placing_a_hold_reach_the_station_and_their_answers_are_shown():
    async def steps(station, http, kiosk):
        await signed_in(station, http, mode="account")
        await press(http, "/renew", item_id="30001")
        renewed = await page(http)
        await press(http, "/renew", item_id="30002")
        refused = await page(http)
        await press(http, "/hold", item_id="31002")
        held = await page(http)
        return station, renewed, refused, held

    station, renewed, refused, held = play(steps)

    assert station.calls[-3:] == ["renew 30001", "renew 30002", "place_hold 31002"]
    assert "Renewed." in renewed and "Due back 24 December 2026" in renewed
    assert "This loan could not be renewed." in refused and "Renewal limit reached" in refused
    assert "Your hold is placed." in held and "Moby-Dick" in held


def test_the_receipt_lists_the_session_and_offers_email_only_to_a_reader_with_an_address():
    async def steps(station, http, kiosk):
        await signed_in(station, http)
        station.put_on_pad("31001", "31002", "31004")
        station.circulate()
        await press(http, "/finish")
        receipt = await page(http)
        await press(http, "/email")
        sent = await page(http)
        return station, receipt, sent

    station, receipt, sent = play(steps)

    assert h1(receipt) == "Your receipt"
    assert "2 books borrowed" in receipt and "1 book needs the desk&#39;s help" in receipt
    assert "Tiger Trails" in receipt and "Moby-Dick" in receipt
    assert 'action="/email"' in receipt and "E-mail me the receipt" in receipt
    assert "The receipt is on its way to your e-mail." in sent
    assert station.sent[0][0] == "Your library receipt"


def test_a_reader_without_an_email_address_is_not_offered_the_email():
    async def steps(station, http, kiosk):
        await press(http, "/choose", mode="checkout")
        await press(http, "/sign-in", patron_id="1002", pin="5678")
        await press(http, "/finish")
        return await page(http)

    assert 'action="/email"' not in play(steps)


def test_done_forgets_the_reader_and_shows_welcome():
    async def steps(station, http, kiosk):
        await signed_in(station, http)
        await press(http, "/finish")
        await press(http, "/done")
        return await page(http)

    html = play(steps)

    assert h1(html) == "Welcome to the library"
    assert "Anna" not in html


def test_titles_names_and_library_messages_are_escaped():
    async def steps(station, http, kiosk):
        station.show(
            mode=Mode.ACCOUNT,
            patron=Patron(
                name=XSS,
                ils_message=XSS,
                loans=(Loan("1", XSS),),
                holds=(Hold("2", XSS, ready=True),),
            ),
            notice=Notice.RENEW_REFUSED,
            notice_detail=XSS,
        )
        account = await page(http)
        station.show(
            mode=Mode.CHECKOUT,
            items=(ItemLine(XSS, XSS, Outcome.REFUSED, ils_message=XSS, destination=XSS),),
        )
        checkout = await page(http)
        return account, checkout

    for html in play(steps):
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html


def test_a_post_from_another_origin_is_refused_and_never_reaches_the_station():
    async def steps(station, http, kiosk):
        answers = [
            await http.post("/choose", data={"mode": "return"}, headers={"Origin": origin})
            for origin in ("http://evil.example", "null", "https://127.0.0.1:1")
        ]
        referer = await http.post(
            "/choose", data={"mode": "return"}, headers={"Referer": "http://evil.example/x"}
        )
        return station, [a.status for a in [*answers, referer]]

    station, statuses = play(steps)

    assert statuses == [403, 403, 403, 403]
    assert station.calls == []


def test_a_post_from_the_kiosks_own_page_is_accepted():
    async def steps(station, http, kiosk):
        origin = kiosk.url.rstrip("/")
        response = await press(http, "/choose", mode="return")
        own = await http.post("/done", data={}, headers={"Origin": origin}, allow_redirects=False)
        return station, response.status, own.status

    station, first, own = play(steps)

    assert (first, own) == (303, 303)
    assert station.calls == ["choose return", "done"]


def test_a_request_for_another_host_name_is_refused_so_dns_rebinding_cannot_reach_it():
    async def steps(station, http, kiosk):
        port = kiosk.url.rsplit(":", 1)[1].strip("/")
        read = await http.get("/", headers={"Host": f"evil.example:{port}"})
        drive = await http.post(
            "/choose",
            data={"mode": "return"},
            headers={"Host": f"evil.example:{port}", "Origin": f"http://evil.example:{port}"},
        )
        local = await http.get("/", headers={"Host": f"localhost:{port}"})
        return station, read.status, drive.status, local.status

    station, read, drive, local = play(steps)

    assert (read, drive, local) == (403, 403, 200)
    assert station.calls == []


def test_pages_are_not_cached_framed_or_allowed_foreign_scripts():
    async def steps(station, http, kiosk):
        async with http.get("/") as response:
            return response.headers

    headers = play(steps)

    assert headers["Cache-Control"] == "no-store"
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"


def test_the_page_script_gets_the_new_screen_as_json_instead_of_a_redirect():
    async def steps(station, http, kiosk):
        async with http.post(
            "/choose", data={"mode": "return"}, headers={"X-Kiosk-Fragment": "1"}
        ) as response:
            return await response.json()

    answer = play(steps)

    assert answer["mode"] == "return" and answer["lang"] == "en"
    assert answer["title"] == "Return books · Library self-service"
    assert "<html" not in answer["html"] and 'id="heading"' in answer["html"]


def test_the_long_poll_answers_as_soon_as_the_screen_changes():
    async def steps(station, http, kiosk):
        await press(http, "/choose", mode="return")
        version = station.screen().version
        poll = asyncio.ensure_future(http.get(f"/screen?after={version}"))
        await asyncio.sleep(0.1)
        assert not poll.done()
        station.put_on_pad("31001")
        response = await asyncio.wait_for(poll, 5)
        return version, await response.json()

    version, answer = play(steps)

    assert answer["version"] == version + 1
    assert "Tiger Trails" in answer["html"]


def test_the_long_poll_ends_empty_when_nothing_changes(monkeypatch):
    monkeypatch.setattr(server, "POLL_SECONDS", 0.2)

    async def steps(station, http, kiosk):
        async with http.get(f"/screen?after={station.screen().version}") as response:
            quiet = response.status
        async with http.get("/screen") as response:
            bad = response.status
        return quiet, bad

    assert play(steps) == (204, 400)


def test_the_countdown_shows_the_idle_reset_and_more_time_pushes_it_back():
    async def steps(station, http, kiosk):
        await press(http, "/choose", mode="return")
        before = station.screen().idle_reset_at
        html = await page(http)
        await asyncio.sleep(0.01)
        await press(http, "/touch")
        return station, before, html

    station, before, html = play(steps)

    assert "The screen resets in" in html
    assert re.search(r'role="timer" data-ends-at="[^"]+">1:(29|30)<', html)
    assert 'action="/touch"' in html and "More time" in html
    assert station.calls[-1] == "touch"
    assert station.screen().idle_reset_at > before


def test_welcome_has_no_countdown_and_no_refresh():
    html = play(lambda station, http, kiosk: page(http))

    assert 'role="timer"' not in html
    assert 'http-equiv="refresh"' not in html


def test_while_the_station_is_busy_the_buttons_are_disabled():
    async def steps(station, http, kiosk):
        station.show(mode=Mode.SIGN_IN, busy=True)
        return await page(http)

    html = play(steps)

    assert "One moment, please…" in html
    assert re.search(r'<button class="primary" type="submit" disabled>Sign in</button>', html)


def test_the_kiosk_starts_and_stops_cleanly_with_a_long_poll_still_waiting():
    async def main():
        station = library()
        kiosk = await start_kiosk(station, port=0)
        assert kiosk.url.startswith("http://127.0.0.1:")
        async with aiohttp.ClientSession() as http:
            poll = asyncio.ensure_future(http.get(f"{kiosk.url}screen?after=1"))
            await asyncio.sleep(0.1)
            await asyncio.wait_for(kiosk.close(), 5)
            with pytest.raises(aiohttp.ClientError):
                await asyncio.wait_for(poll, 5)
            with pytest.raises(aiohttp.ClientError):
                await http.get(kiosk.url)

    asyncio.run(main())


def test_a_port_in_use_is_said_in_a_sentence():
    async def main():
        first = await start_kiosk(library(), port=0)
        port = int(first.url.rsplit(":", 1)[1].strip("/"))
        try:
            with pytest.raises(OSError, match=r"The kiosk cannot listen on 127\.0\.0\.1:\d+"):
                await start_kiosk(library(), port=port)
        finally:
            await first.close()

    asyncio.run(main())
