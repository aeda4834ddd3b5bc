"""The sandbox's REST API and its SIP2 service are one ILS: what one lends or returns, the other
sees, because both go through the sandbox's one circulation service."""

from __future__ import annotations

import base64

import pytest

from koha_bridge.client.session import sandbox_session
from koha_bridge.sandbox import circulation, demo_library, patrons
from koha_bridge.sandbox.seeding import barcode_for
from koha_bridge.sandbox.transport import SANDBOX_BASE_URL
from rfid_sip2.sip2 import messages as sip
from rfid_sip2.upstreams import koha_texts as koha
from rfid_sip2.upstreams.base import Terminal
from rfid_sip2.upstreams.sandbox import SandboxUpstream
from tests.koha_bridge.sandbox.conftest import READER

TERMINAL = Terminal(account="selfcheck-1", institution_id="CPL", location="CPL")
ON_THE_SHELF = (6, 7)  # "Oliver Twist" at CPL and "Pride and prejudice" at RIV: nobody's


@pytest.fixture
def sip2(sandbox):
    upstream = SandboxUpstream(sandbox)
    return lambda request: upstream.answer(request, TERMINAL)


@pytest.fixture
def rest(sandbox):
    session = sandbox_session(sandbox.app)
    staff = f"{demo_library.STAFF_USERID}:{demo_library.STAFF_PASSWORD}"
    session.headers["Authorization"] = "Basic " + base64.b64encode(staff.encode()).decode()
    return lambda method, path, **options: session.request(
        method, f"{SANDBOX_BASE_URL}/api/v1{path}", **options
    )


@pytest.fixture
def reader_id(sandbox) -> int:
    with sandbox.store.reading() as db:
        return patrons.find_by_identifier(db, READER.cardnumber)["patron_id"]


def test_a_loan_made_over_sip2_is_the_readers_checkout_in_rest(sip2, rest, reader_id):
    item_id = ON_THE_SHELF[0]
    lent = sip2(
        sip.CheckoutRequest(
            institution_id="CPL",
            patron_identifier=READER.cardnumber,
            item_identifier=barcode_for(item_id),
        )
    )
    assert lent.ok

    loans = rest("GET", "/checkouts", params={"patron_id": reader_id}).json()

    assert item_id in [loan["item_id"] for loan in loans]


def test_a_loan_made_over_rest_is_charged_in_sip2_and_returned_there(
    sip2, rest, reader_id, sandbox
):
    item_id = ON_THE_SHELF[1]
    made = rest("POST", "/checkouts", json={"patron_id": reader_id, "item_id": item_id})
    assert made.status_code == 201, made.text

    status = sip2(sip.ItemInformationRequest(item_identifier=barcode_for(item_id)))
    returned = sip2(
        sip.CheckinRequest(
            institution_id="CPL", item_identifier=barcode_for(item_id), current_location="RIV"
        )
    )

    assert status.circulation_status == koha.STATUS_CHARGED
    assert returned.ok and returned.patron_identifier == READER.cardnumber
    assert rest("GET", f"/checkouts/{made.json()['checkout_id']}").json()["checkin_date"]
    with sandbox.store.reading() as db:
        assert circulation.loan_of(db, item_id) is None
