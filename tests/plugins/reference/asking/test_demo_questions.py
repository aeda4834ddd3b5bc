"""The demo's questions: the demo reader's threads and two anonymous ones waiting."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from plugins.readers.demo import USERNAME
from plugins.reference.demo_questions import ensure_demo_questions
from plugins.reference.models import Message, Question
from tests.plugins.readers.conftest import make_reader

pytestmark = pytest.mark.django_db


def test_the_demo_questions_are_made_once_with_the_admins_answers(catalogue, site_koha):
    reader = make_reader(USERNAME).user
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    ensure_demo_questions()
    ensure_demo_questions()

    assert Question.objects.count() == 4
    answered = Question.objects.get(reader=reader, language="en")
    assert answered.status == Question.Status.ANSWERED
    assert answered.rating.score == 5
    kinds = list(answered.messages.values_list("kind", flat=True))
    assert kinds == [Message.Kind.ANSWER, Message.Kind.REPLY, Message.Kind.ANSWER]
    assert set(answered.messages.filter(kind="answer").values_list("author", flat=True)) == {
        admin.pk
    }
    assert answered.messages.first().records.exists()
    assert Question.objects.get(reader=reader, language="ru").status == Question.Status.NEW
    waiting = Question.objects.filter(reader=None)
    assert sorted(waiting.values_list("language", flat=True)) == ["ro", "uk"]
    assert all(question.confirmed for question in waiting)


def test_without_the_demo_reader_or_admin_only_the_anonymous_questions_are_made():
    ensure_demo_questions()
    assert sorted(Question.objects.values_list("language", flat=True)) == ["ro", "uk"]
