"""The station's demo: tagged sandbox books on a simulated pad, borrowed through the kiosk."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pytest

from koha_bridge.sandbox.demo_library import PATRONS
from rfid_sip2.rfid.tags import decode
from rfid_sip2.station.demo.books import demo_tags
from rfid_sip2.station.demo.run import run_demo
from tests.services import free_port

BOOKS = [("39520000000001", "Kobzar"), ("39520000000002", "Moby-Dick"), ("39520000000003", "Dune")]


def test_the_demo_tags_a_library_card_each_book_and_a_set_of_two_parts():
    tags = demo_tags(BOOKS)

    card, *books = tags
    assert decode(card.memory).usage.is_patron_card
    assert decode(card.memory).item_id == PATRONS[0].cardnumber
    assert [decode(tag.memory).item_id for tag in books] == [
        "39520000000001",
        "39520000000002",
        "39520000000003",
        "39520000000003",
    ]
    assert [(tag.tag.part, tag.tag.parts) for tag in books[-2:]] == [(1, 2), (2, 2)]
    assert len({tag.uid for tag in tags}) == len(tags)


@pytest.fixture
def demo(tmp_path) -> Iterator[tuple[str, str]]:
    kiosk, pad = free_port(), free_port()
    env = {"LIBRARY20_VAR_DIR": str(tmp_path), "KOHA_SANDBOX_PATH": str(tmp_path / "koha.sqlite3")}
    loop = asyncio.new_event_loop()
    stop = asyncio.Event()
    run = run_demo(("127.0.0.1", kiosk), ("127.0.0.1", pad), env=env, stop=stop)
    thread = threading.Thread(target=loop.run_until_complete, args=(run,), daemon=True)
    thread.start()
    urls = f"http://127.0.0.1:{kiosk}", f"http://127.0.0.1:{pad}"
    _wait_for(urls[1] + "/")
    yield urls
    loop.call_soon_threadsafe(stop.set)
    thread.join(30)
    loop.close()


def _wait_for(url: str) -> None:
    deadline = time.monotonic() + 60  # the sandbox is seeded on first use
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"nothing answers at {url}")


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def _post(url: str, **fields: str) -> None:
    data = urllib.parse.urlencode(fields).encode()
    urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=10).close()


def _screen_until(kiosk: str, text: str) -> str:
    version, deadline = 0, time.monotonic() + 20
    while time.monotonic() < deadline:
        with urllib.request.urlopen(f"{kiosk}/screen?after={version}", timeout=30) as response:
            if response.status == 200:
                screen = json.loads(response.read())
                if text in screen["html"]:
                    return screen["html"]
                version = screen["version"]
    raise AssertionError(f"the kiosk never showed {text!r}")


def _uids(pad_page: str) -> list[str]:
    return [part.split('"')[0] for part in pad_page.split('name="uid" value="')[1:]]


def test_a_reader_signs_in_with_the_card_on_the_pad_and_borrows_a_book(demo):
    kiosk, pad = demo
    card, book, *_ = _uids(_get(pad + "/"))

    _post(kiosk + "/choose", mode="checkout")
    _post(pad + "/move", uid=card)
    _screen_until(kiosk, "Your library card is on the pad")
    _post(kiosk + "/sign-in", patron_id="", pin=PATRONS[0].pin)
    _screen_until(kiosk, PATRONS[0].firstname)
    _post(pad + "/move", uid=card)  # the card off, a book on
    _post(pad + "/move", uid=book)

    _screen_until(kiosk, "Borrowed: due back")
    assert "Security off: may leave the library" in _get(pad + "/")


def test_the_demo_pad_unplugs_the_reader_and_the_kiosk_says_so(demo):
    kiosk, pad = demo

    _post(pad + "/fault", fault="unplug")

    _screen_until(kiosk, "reader")
    assert "Plug the reader back in" in _get(pad + "/")
