"""reference_forget_unconfirmed: anonymous questions never confirmed go after a week."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from plugins.reference import threads
from plugins.reference.models import Question
from tests.plugins.readers.conftest import make_reader
from tests.plugins.reference.asking.conftest import anonymous_question

pytestmark = pytest.mark.django_db


def asked_days_ago(question: Question, days: int) -> None:
    Question.objects.filter(pk=question.pk).update(created_at=timezone.now() - timedelta(days=days))


def test_only_unconfirmed_anonymous_questions_older_than_a_week_are_deleted(capsys):
    old = threads.ask(body="Old, never confirmed", language="en", email="a@example.org")
    young = threads.ask(body="Young, unconfirmed", language="en", email="b@example.org")
    confirmed = anonymous_question(body="Old, confirmed")
    readers = threads.ask(body="A reader's", language="en", reader=make_reader().user)
    for question, days in ((old, 8), (young, 6), (confirmed, 30), (readers, 30)):
        asked_days_ago(question, days)

    call_command("reference_forget_unconfirmed")

    assert "deleted: 1" in capsys.readouterr().out
    remaining = set(Question.objects.values_list("body", flat=True))
    assert "Old, never confirmed" not in remaining
    assert {"Young, unconfirmed", "Old, confirmed", "A reader's"} <= remaining


def test_the_number_of_days_kept_can_be_given(capsys):
    question = threads.ask(body="Three days old", language="en", email="a@example.org")
    asked_days_ago(question, 3)
    call_command("reference_forget_unconfirmed", days=2)
    assert not Question.objects.filter(pk=question.pk).exists()
