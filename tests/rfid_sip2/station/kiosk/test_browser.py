"""The kiosk in Chromium: a reader with only a keyboard, the language button, the pad live."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from rfid_sip2.station.control import Mode
from tests.rfid_sip2.station.kiosk.conftest import KIOSK, LAPTOP, PHONE

pytestmark = pytest.mark.browser


def focused(page) -> str:
    return page.evaluate("() => document.activeElement.textContent.trim()")


def tab_to(page, text: str, limit: int = 30) -> list[str]:
    """Press Tab until the focused control reads ``text``; the controls passed on the way."""
    passed = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page) == text:
            return passed
        passed.append(focused(page))
    raise AssertionError(f"{text!r} never took the focus; passed {passed}")


def sign_in(page, card: str, pin: str) -> None:
    """Type a card number and PIN on the sign-in screen and send them."""
    page.get_by_role("textbox", name="Card number").fill(card)
    page.get_by_role("textbox", name="PIN").fill(pin)
    page.get_by_role("button", name="Sign in").click()


def test_a_reader_signs_in_borrows_and_sees_the_receipt_with_the_keyboard_only(page, live):
    page.goto(live.url)

    passed = tab_to(page, "Borrow Take books home")
    assert passed == ["English", "Русский", "Українська", "Română"]
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Sign in")
    expect(page.locator("#patron_id")).to_be_focused()
    page.keyboard.type("1001")
    page.keyboard.press("Tab")
    expect(page.locator("#pin")).to_be_focused()
    page.keyboard.type("1234")
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("Borrow books")
    expect(page.locator("h1")).to_be_focused()
    live.do(live.station.put_on_pad, "31001", "31002")
    expect(page.locator("#items li")).to_have_count(2)
    live.do(live.station.circulate)
    expect(page.locator("#items")).to_contain_text("Borrowed: due back 23 December 2026")
    tab_to(page, "Finish")
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("Your receipt")
    expect(page.locator("main")).to_contain_text("2 books borrowed")
    expect(page.locator("main")).to_contain_text("Moby-Dick")
    tab_to(page, "Done")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Welcome to the library")
    actions = [call for call in live.station.calls if call != "touch"]
    assert actions == ["choose checkout", "sign_in 1001", "finish", "done"]
    assert "touch" in live.station.calls  # keys pressed count as the reader being there


def test_the_keypad_types_into_the_field_last_focused_from_the_keyboard(page, live):
    live.do(live.station.show, mode=Mode.SIGN_IN)
    page.goto(live.url)
    expect(page.locator(".keypad")).to_be_visible()
    expect(page.locator("[data-keypad-target]")).to_have_text("Card number")
    page.locator("#pin").focus()
    expect(page.locator("[data-keypad-target]")).to_have_text("PIN")

    for key in "1234":
        tab_to(page, key)
        page.keyboard.press("Enter")
    expect(page.locator("#pin")).to_have_value("1234")
    tab_to(page, "⌫")
    page.keyboard.press("Enter")
    expect(page.locator("#pin")).to_have_value("123")
    expect(page.locator("#patron_id")).to_have_value("")


def test_the_language_button_turns_the_whole_screen_ukrainian(page, live):
    page.goto(live.url)

    page.get_by_role("button", name="Українська").click()

    expect(page.locator("html")).to_have_attribute("lang", "uk")
    expect(page.locator("h1")).to_have_text("Ласкаво просимо до бібліотеки")
    expect(page.get_by_role("button", name="Українська")).to_have_attribute("aria-pressed", "true")
    expect(page).to_have_title("Ласкаво просимо до бібліотеки · Бібліотека: самообслуговування")
    assert page.get_by_role("button", name="English").get_attribute("lang") == "en"


def test_books_appear_in_the_same_live_list_while_the_reader_waits(page, live):
    page.goto(live.url)
    page.get_by_role("button", name="Return").click()
    expect(page.locator("h1")).to_have_text("Return books")
    page.evaluate("() => { document.getElementById('items').dataset.marker = 'kept'; }")

    live.do(live.station.put_on_pad, "32001")
    expect(page.locator("#items li")).to_contain_text("Working on it…")
    live.do(live.station.circulate)
    expect(page.locator("#items li")).to_contain_text("Put this book aside, in bin 2.")
    live.do(live.station.put_on_pad, "32002")
    expect(page.locator("#items li")).to_have_count(2)

    assert page.locator("#items").get_attribute("aria-live") == "polite"
    assert page.locator("#items").get_attribute("data-marker") == "kept"


def test_a_card_put_on_the_pad_moves_the_reader_to_the_pin(page, live):
    page.goto(live.url)
    page.get_by_role("button", name="Borrow").click()
    expect(page.get_by_role("textbox", name="Card number")).to_be_focused()

    live.do(live.station.show, card_on_pad=True)

    expect(page.get_by_text("Your library card is on the pad: now type your PIN.")).to_be_visible()
    expect(page.get_by_role("textbox", name="PIN")).to_be_focused()


def test_a_wrong_pin_is_announced_and_the_card_number_is_kept(page, live):
    page.goto(live.url)
    page.get_by_role("button", name="My account").click()
    sign_in(page, "1001", "0000")

    expect(page.get_by_role("alert")).to_contain_text("The PIN is not right.")
    expect(page.get_by_role("textbox", name="Card number")).to_have_value("1001")
    expect(page.get_by_role("textbox", name="PIN")).to_have_value("")


def test_the_page_works_without_javascript(chromium, live):
    context = chromium.new_context(viewport=LAPTOP, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live.url)
        page.get_by_role("button", name="Borrow").click()
        expect(page.locator("h1")).to_have_text("Sign in")
        sign_in(page, "1001", "1234")
        expect(page.locator("h1")).to_have_text("Borrow books")
        live.do(live.station.put_on_pad, "31001")
        live.do(live.station.circulate)
        # The meta refresh brings the pad's news.
        expect(page.locator("#items")).to_contain_text("Tiger Trails", timeout=8000)
    finally:
        context.close()


def test_renewing_from_the_account_updates_the_due_date_in_place(page, live):
    page.goto(live.url)
    page.get_by_role("button", name="My account").click()
    sign_in(page, "1001", "1234")

    page.get_by_role("button", name="Renew “The Master and Margarita”").click()

    expect(page.locator(".status")).to_contain_text("Renewed.")
    expect(page.locator(".loans")).to_contain_text("Due back 24 December 2026")
    expect(page.get_by_role("button", name="Renew “The Master and Margarita”")).to_be_focused()


@pytest.mark.parametrize("viewport", [KIOSK, LAPTOP, PHONE], ids=["kiosk", "laptop", "phone"])
def test_every_control_is_a_big_target_and_nothing_scrolls_sideways(chromium, live, viewport):
    context = chromium.new_context(viewport=viewport, has_touch=True)
    page = context.new_page()
    try:
        live.do(live.station.show, mode=Mode.SIGN_IN)
        page.goto(live.url)
        expect(page.locator(".keypad")).to_be_visible()
        small = page.evaluate(
            """() => [...document.querySelectorAll('button, input')]
                .map((el) => [el.textContent.trim() || el.id, el.getBoundingClientRect()])
                .filter(([, box]) => box.width < 56 || box.height < 56)
                .map(([name]) => name)"""
        )
        sideways = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth")
    finally:
        context.close()

    assert small == []
    assert not sideways


def test_a_placed_hold_empties_its_field(page, live):
    page.goto(live.url)
    page.get_by_role("button", name="My account").click()
    sign_in(page, "1001", "1234")

    page.get_by_role("textbox", name="Item number").fill("31002")
    page.get_by_role("button", name="Place a hold").click()

    expect(page.locator(".status")).to_contain_text("Your hold is placed.")
    expect(page.locator(".holds")).to_contain_text("Moby-Dick")
    expect(page.get_by_role("textbox", name="Item number")).to_have_value("")
