"""What checkout and checkin answers mean for the tag, on real Koha answers."""

from __future__ import annotations

from datetime import datetime

import pytest

from rfid_sip2.gateway.offline import OFFLINE, RECORDED
from rfid_sip2.rfid.tags import ItemTag
from rfid_sip2.sip2.codec import decode
from rfid_sip2.sip2.messages import CheckoutResponse, PatronStatusResponse
from rfid_sip2.station.control import Outcome
from rfid_sip2.station.retry import Wanted
from rfid_sip2.station.verdicts import (
    checkin_verdict,
    checkout_verdict,
    missing_parts,
    not_ours,
)

# Koha's answers captured by digibib/koha-rfidhub (sip_test.go), as parser fixtures.
CHECKOUT_OK = (
    b"121NNY20140124    110740AOHUTL|AA2|AB03011174511003|AJKrutt-Kim|AH20140221    235900|"
)
CHECKOUT_FAILED = b"120NUN20140124    131049AOHUTL|AA2|AB1234|AJ|AH|AFInvalid Item|BLY|"
CHECKIN_OK = (
    b"101YNN20140124    093621AOHUTL|AB03011143299001|AQhvmu|AJ316 salmer og sanger|AA1|CS783.4|"
)
CHECKIN_NOT_OUT = b"100NUY20140128    114702AO|AB234567890|CV99|AFItem not checked out|"
CHECKIN_HOLD_ELSEWHERE = (
    "100YNY20140511    092216AOGRY|AB03010013753001|AQhutl|AJHeksenes historie|CS272 And|"
    "CTfroa|CY11|DAåsen|CV02|AFItem not checked out|"
).encode()


def message(frame: bytes):
    return decode(frame).message


def test_a_checkout_with_ok_and_desensitize_unsecures_until_its_due_date():
    verdict = checkout_verdict(message(CHECKOUT_OK), unsecure_offline_loans=False)
    assert verdict.outcome is Outcome.BORROWED and verdict.wanted is Wanted.ON_LOAN
    assert verdict.due == datetime(2014, 2, 21, 23, 59)


def test_a_failed_checkout_leaves_the_tag_alone_and_says_why():
    verdict = checkout_verdict(message(CHECKOUT_FAILED), unsecure_offline_loans=True)
    assert (verdict.outcome, verdict.wanted) == (Outcome.REFUSED, None)
    assert verdict.ils_message == "Invalid Item"


def test_a_loan_the_ils_does_not_desensitize_keeps_its_security():
    response = CheckoutResponse(ok=True, desensitize=False, item_identifier="1")
    verdict = checkout_verdict(response, unsecure_offline_loans=False)
    assert (verdict.outcome, verdict.wanted) == (Outcome.BORROWED, None)
    assert verdict.show_at_desk


@pytest.mark.parametrize(("allowed", "wanted"), [(False, None), (True, Wanted.ON_LOAN)])
def test_a_loan_recorded_offline_is_unsecured_only_where_the_site_allows(allowed, wanted):
    response = CheckoutResponse(
        ok=True, desensitize=True, item_identifier="1", screen_messages=(OFFLINE, RECORDED)
    )
    verdict = checkout_verdict(response, unsecure_offline_loans=allowed)
    assert (verdict.outcome, verdict.wanted) == (Outcome.RECORDED_OFFLINE, wanted)
    assert verdict.show_at_desk is not allowed  # its security still on: the gate would sound


def test_an_answer_of_the_wrong_kind_is_a_refusal():
    assert checkout_verdict(PatronStatusResponse(), unsecure_offline_loans=True).wanted is None
    assert checkin_verdict(PatronStatusResponse()).outcome is Outcome.REFUSED


def test_a_checkin_with_resensitize_secures_the_item():
    verdict = checkin_verdict(message(CHECKIN_OK))
    assert (verdict.outcome, verdict.wanted) == (Outcome.RETURNED, Wanted.IN_LIBRARY)


def test_a_checkin_refused_without_resensitize_leaves_the_tag_alone():
    verdict = checkin_verdict(message(CHECKIN_NOT_OUT))
    assert (verdict.outcome, verdict.wanted) == (Outcome.REFUSED, None)
    assert verdict.ils_message == "Item not checked out"


def test_a_refused_checkin_for_a_hold_elsewhere_is_resecured_and_sent_on():
    verdict = checkin_verdict(message(CHECKIN_HOLD_ELSEWHERE))
    assert (verdict.outcome, verdict.wanted) == (Outcome.TRANSFER, Wanted.IN_LIBRARY)
    assert verdict.destination == "froa"


def test_sets_and_owners():
    parts = [ItemTag("iso28560-3", "1", "DK-710100", parts=3, part=n) for n in (1, 3)]
    assert missing_parts(parts) == [2]
    second = ItemTag("iso28560-3", "1", parts=3, part=2)
    assert missing_parts([*parts, second]) == []
    assert not_ours(parts[0], ("MD-CPL",))
    assert not not_ours(parts[0], ("DK-710100",))
    assert not not_ours(parts[0], ())
