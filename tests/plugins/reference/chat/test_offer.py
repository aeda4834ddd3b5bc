"""The chat is offered while the library is open and a librarian is on duty; else the form."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from plugins.reference.chat import duty
from plugins.reference.chat.duty import chat_offer
from plugins.reference.hours import Opening

NEXT_MORNING = datetime.datetime(2026, 12, 3, 9, 0, tzinfo=datetime.UTC)


def open_library(site, now):
    return Opening(open=True)


def closed_library(site, now):
    return Opening(open=False, next_opening=NEXT_MORNING)


@pytest.fixture
def library_open(settings):
    settings.REFERENCE_OPENING_HOURS = f"{__name__}.open_library"


@pytest.fixture
def library_closed(settings):
    settings.REFERENCE_OPENING_HOURS = f"{__name__}.closed_library"


def test_offered_while_open_with_a_librarian_on_duty(db, library_open, admin_user):
    duty.keep_on_duty(admin_user)

    offer = chat_offer(None)

    assert offer.offered and offer.library_open and offer.on_duty


def test_not_offered_while_the_library_is_closed(db, library_closed, admin_user):
    duty.keep_on_duty(admin_user)

    offer = chat_offer(None)

    assert not offer.offered and not offer.library_open
    assert offer.next_opening == NEXT_MORNING


def test_not_offered_when_nobody_is_on_duty(db, library_open):
    assert not chat_offer(None).offered


def test_a_console_silent_for_more_than_90_seconds_is_off_duty(db, library_open, admin_user):
    now = timezone.now()
    duty.keep_on_duty(admin_user, now - datetime.timedelta(seconds=91))
    assert not chat_offer(None, now).offered

    duty.keep_on_duty(admin_user, now - datetime.timedelta(seconds=89))
    assert chat_offer(None, now).offered


def test_without_opening_hours_the_chat_follows_duty_alone(db, settings, admin_user):
    settings.REFERENCE_OPENING_HOURS = ""
    assert not chat_offer(None).offered

    duty.keep_on_duty(admin_user)
    assert chat_offer(None).offered
