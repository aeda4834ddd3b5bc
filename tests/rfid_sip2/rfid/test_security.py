"""Security states: the AFI values a site's gates expect, ISO by default, 3M-era as a preset."""

import pytest

from rfid_sip2.rfid.security import ISO, THREE_M, Security, security_from


def test_the_default_is_the_iso_values():
    assert security_from() == ISO == Security()
    assert (ISO.afi(on_loan=True), ISO.afi(on_loan=False)) == (0xC2, 0x07)
    assert ISO.use_afi and not ISO.use_eas


def test_the_3m_preset_writes_d7_on_loan_and_da_in_the_library():
    assert security_from("3M") == THREE_M
    assert (THREE_M.afi(on_loan=True), THREE_M.afi(on_loan=False)) == (0xD7, 0xDA)


def test_explicit_values_and_eas_come_from_configuration():
    security = security_from("0xD7/da", use_eas=True)
    assert (security.afi_on_loan, security.afi_in_library, security.use_eas) == (0xD7, 0xDA, True)


def test_an_afi_read_back_says_on_loan_in_library_or_neither():
    assert ISO.on_loan(0xC2) is True
    assert ISO.on_loan(0x07) is False
    assert ISO.on_loan(0xDA) is None


@pytest.mark.parametrize(
    ("value", "message"),
    [("gate", "neither a preset"), ("C2", "ON_LOAN/IN_LIBRARY"), ("C2/C2", "must differ")],
)
def test_bad_values_are_refused_clearly(value, message):
    with pytest.raises(ValueError, match=message):
        security_from(value)


def test_security_needs_at_least_one_mechanism_and_bytes():
    with pytest.raises(ValueError, match="AFI, EAS, or both"):
        security_from("iso", use_afi=False)
    with pytest.raises(ValueError, match="byte"):
        Security(afi_on_loan=0x100)
