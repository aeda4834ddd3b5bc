"""Librarians, readers and questions for the reference service's admin tests."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from plugins.reference import threads
from plugins.reference.models import CannedAnswer, Message, Question, Topic

PASSWORD = "a-long-password"


def make_librarian(name: str = "librarian", group: str = "Moderators", **fields):
    """A user in one of Wagtail's groups that migration 0002 gives the reference service."""
    user = get_user_model().objects.create_user(
        name, fields.pop("email", f"{name}@library.example"), PASSWORD, **fields
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def make_user(name: str, **fields):
    return get_user_model().objects.create_user(
        name, fields.pop("email", f"{name}@example.org"), PASSWORD, **fields
    )


@pytest.fixture
def librarian(client, db):
    """A signed-in librarian (a member of Moderators)."""
    user = make_librarian()
    client.force_login(user)
    return user


def asked(
    body: str = "Do you have the letters of Lesya Ukrainka?",
    *,
    at: datetime | None = None,
    language: str = "en",
    **fields,
) -> Question:
    """A confirmed question (an anonymous asker's, unless ``reader`` is given), asked ``at``."""
    question = Question.objects.create(
        body=body,
        language=language,
        email="" if fields.get("reader") else fields.pop("email", "asker@example.org"),
        **fields,
    )
    at = at or timezone.now()
    Question.objects.filter(pk=question.pk).update(
        created_at=at, confirmed_at=at, last_activity_at=at
    )
    question.refresh_from_db()
    return question


def replied(question: Question, body: str, at: datetime) -> Message:
    message = threads.reply(question, body)
    Message.objects.filter(pk=message.pk).update(created_at=at)
    return message


def hours_ago(hours: float) -> datetime:
    return timezone.now() - timedelta(hours=hours)


def admin_user_without_the_service(name: str = "outsider"):
    """Someone who may enter the Wagtail admin and nothing of the reference service."""
    from django.contrib.auth.models import Permission

    user = make_user(name)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


@pytest.fixture
def no_demo_snippets(db):
    """Only the topics and canned answers a test makes (the test database holds the demo's)."""
    CannedAnswer.objects.all().delete()
    Topic.objects.all().delete()
