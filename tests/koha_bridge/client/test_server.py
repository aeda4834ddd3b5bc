"""The sandbox served over HTTP (``koha-bridge sandbox serve``) answers as it does in process."""

from __future__ import annotations

import threading

import pytest

from koha_bridge.client import KohaClient, KohaUnavailable
from koha_bridge.config import KohaConfig
from koha_bridge.sandbox import demo_library
from koha_bridge.sandbox.api.auth import TOKEN_LIFETIME
from koha_bridge.sandbox.seeding import barcode_for
from koha_bridge.sandbox.server import make_sandbox_server
from tests.koha_bridge.client.stubs import quick_retry_session

CARD = demo_library.PATRONS[0].cardnumber


def over_http(url: str, **settings) -> KohaClient:
    return KohaClient(
        KohaConfig(
            url=url,
            client_id=demo_library.CLIENT_ID,
            client_secret=demo_library.CLIENT_SECRET,
            **settings,
        )
    )


@pytest.fixture
def served(sandbox, serve) -> KohaClient:
    """A client of the sandbox served on 127.0.0.1."""
    return over_http(serve(sandbox.app))


def test_item_by_barcode_is_the_same_over_http(served, koha_client):
    assert served.item_by_barcode(barcode_for(4)) == koha_client.item_by_barcode(barcode_for(4))
    assert served.item_by_barcode(barcode_for(4)[:-1]) is None


def test_patron_is_the_same_over_http(served, koha_client):
    assert served.patron_by_cardnumber(CARD) == koha_client.patron_by_cardnumber(CARD)


def test_probe_counts_are_the_same_over_http(served, koha_client):
    over_sockets, in_process = served.probe(), koha_client.probe()
    assert over_sockets.counts == in_process.counts
    assert over_sockets.url.startswith("http://127.0.0.1:")


def test_marc_and_paging_are_the_same_over_http(sandbox, serve, koha_client):
    served = over_http(serve(sandbox.app), page_size=2)
    assert served.biblio_marc(3).as_dict() == koha_client.biblio_marc(3).as_dict()
    assert served.libraries() == koha_client.libraries()


def test_circulation_over_http_changes_what_in_process_sees(served, koha_client):
    patron = served.patron_by_cardnumber(CARD)["patron_id"]
    item = served.items_of_biblio(5)[0]["item_id"]
    lent = served.checkout(patron, item)
    assert lent in koha_client.patron_checkouts(patron)


def test_an_expired_token_is_renewed_over_http(served, clock):
    served.biblio(1)
    clock.advance(seconds=TOKEN_LIFETIME + 1)
    assert served.biblio(2)["biblio_id"] == 2


def test_the_server_shuts_down_cleanly(sandbox):
    server = make_sandbox_server(sandbox.app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.01})
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        assert over_http(url).probe().counts["biblios"] > 0
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
    assert not thread.is_alive()
    koha_client = KohaClient(KohaConfig(url=url), session=quick_retry_session())
    with pytest.raises(KohaUnavailable, match="check KOHA_URL"):
        koha_client.probe()
