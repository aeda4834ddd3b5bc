"""How long a reader has waited, against REFERENCE_SLA_HOURS, at a fixed clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from plugins.reference.models import Question
from plugins.reference.sla import level_at, level_of, with_waiting_since
from tests.plugins.reference.librarians.conftest import asked, replied

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("waited", "key", "word"),
    [
        (timedelta(hours=0), "ok", "within 24 h"),
        (timedelta(hours=24), "ok", "within 24 h"),
        (timedelta(hours=24, seconds=1), "amber", "over 24 h"),
        (timedelta(hours=48), "amber", "over 24 h"),
        (timedelta(hours=48, seconds=1), "red", "over 48 h"),
    ],
)
def test_a_wait_is_within_past_the_first_or_past_the_second_limit(settings, waited, key, word):
    settings.REFERENCE_SLA_HOURS = (24, 48)

    level = level_of(waited)

    assert (level.key, str(level.word)) == (key, word)


def test_the_limits_come_from_the_settings(settings):
    settings.REFERENCE_SLA_HOURS = (4, 8)

    assert str(level_of(timedelta(hours=5)).word) == "over 4 h"
    assert level_of(timedelta(hours=9)).key == "red"


@pytest.mark.django_db
def test_the_wait_runs_from_the_last_reply_and_stops_while_the_reader_is_asked(settings):
    settings.REFERENCE_SLA_HOURS = (24, 48)
    question = asked(at=NOW - timedelta(hours=60))
    annotated = with_waiting_since(Question.objects.filter(pk=question.pk))
    assert level_at(annotated.get(), NOW).key == "red"

    replied(question, "More details", NOW - timedelta(hours=30))
    assert level_at(annotated.get(), NOW).key == "amber"

    Question.objects.filter(pk=question.pk).update(status=Question.Status.WAITING)
    assert level_at(annotated.get(), NOW) is None
