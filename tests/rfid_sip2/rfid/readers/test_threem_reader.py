"""What only the 3M driver does: EAS (NXP EAS control), verified despite Check EAS's quirk."""

from __future__ import annotations

import pytest

from rfid_sip2.rfid.readers.base import TagGone, WriteFailed
from tests.rfid_sip2.rfid.readers.simulated import BOOK, FAST


@pytest.fixture
def protocol() -> str:
    return "3m"


def test_the_3m_reader_supports_eas(reader):
    assert reader.eas_supported


def test_eas_is_armed_and_disarmed_and_read_back(simulator, reader):
    simulator.place(BOOK, bytes(112), eas=False)

    reader.write_eas(BOOK, True)
    assert simulator.tag(BOOK).eas is True
    assert reader.read_eas(BOOK) is True

    reader.write_eas(BOOK, False)
    assert simulator.tag(BOOK).eas is False
    assert reader.read_eas(BOOK) is False


def test_a_disarmed_tag_that_is_gone_is_told_apart_from_one_that_is_there(simulator, reader):
    # Check EAS gets "no transponder" from both; only the tag on the pad answers Get AFI.
    simulator.place(BOOK, bytes(112), eas=False)
    assert reader.read_eas(BOOK) is False

    simulator.remove(BOOK)
    with pytest.raises(TagGone):
        reader.read_eas(BOOK)


def test_an_eas_write_that_fails_is_retried_then_verified(simulator, reader):
    simulator.place(BOOK, bytes(112), eas=True)
    simulator.fail_writes(FAST.write_attempts - 1)

    reader.write_eas(BOOK, False)

    assert simulator.tag(BOOK).eas is False


def test_an_eas_write_that_never_takes_is_write_failed(simulator, reader):
    simulator.place(BOOK, bytes(112), eas=True)
    simulator.drop_writes(100)

    with pytest.raises(WriteFailed, match="EAS disarmed"):
        reader.write_eas(BOOK, False)
    assert simulator.tag(BOOK).eas is True


def test_eas_write_to_a_lifted_tag_is_tag_gone(simulator, reader):
    simulator.place(BOOK, bytes(112), eas=True)
    simulator.remove(BOOK)

    with pytest.raises(TagGone):
        reader.write_eas(BOOK, False)
