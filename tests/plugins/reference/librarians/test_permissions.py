"""Only librarians with ``reference.answer_question`` reach the queue, a question's page, its
forms and the suggestions; only those with ``reference.view_reference_report`` the report."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from plugins.reference.models import Message, Question, ServiceSuggestion
from tests.plugins.reference.librarians.conftest import (
    admin_user_without_the_service,
    asked,
    make_librarian,
    make_user,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def question():
    return asked("Is the library open on Sunday?")


def pages(question: Question) -> list[str]:
    return [
        "/admin/reference/",
        f"/admin/reference/{question.pk}/",
        "/admin/reference/suggestions/",
        "/admin/reports/reference/",
        "/admin/reports/reference/?export=csv",
    ]


def posts(question: Question) -> list[tuple[str, dict]]:
    suggestion = ServiceSuggestion.objects.create(body="More chairs", language="en")
    base = f"/admin/reference/{question.pk}/"
    return [
        (f"{base}answer/", {"body": "Yes.", "intent": "answer"}),
        (f"{base}note/", {"body": "Note."}),
        (f"{base}assign/", {"librarian": "me"}),
        (f"{base}topic/", {"topic": ""}),
        (f"{base}status/", {"status": "close"}),
        (f"/admin/reference/suggestions/{suggestion.pk}/read/", {}),
    ]


def test_moderators_and_editors_have_both_permissions():
    for name in ("Moderators", "Editors"):
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"answer_question", "view_reference_report"} <= codenames


def test_an_editor_of_the_admin_without_the_permission_gets_403_everywhere(client, question):
    client.force_login(admin_user_without_the_service())

    assert [client.get(url).status_code for url in pages(question)] == [403] * 5
    assert [client.post(url, data).status_code for url, data in posts(question)] == [403] * 6
    question.refresh_from_db()
    assert question.status == Question.Status.NEW and not Message.objects.exists()
    assert not ServiceSuggestion.objects.filter(handled=True).exists()


def test_a_reader_never_reaches_the_service_admin(client, question):
    client.force_login(make_user("maria"))

    assert all(client.get(url).status_code in {302, 403} for url in pages(question))
    assert all(client.post(url, data).status_code in {302, 403} for url, data in posts(question))
    assert not Message.objects.exists()


def test_a_librarian_reaches_every_page(client, question):
    client.force_login(make_librarian("editor", group="Editors"))

    assert [client.get(url).status_code for url in pages(question)] == [200] * 5


def test_the_menu_shows_the_service_only_to_librarians(client):
    client.force_login(admin_user_without_the_service())
    home = client.get("/admin/").content.decode()
    assert "/admin/reference/" not in home and "/admin/reports/reference/" not in home

    client.force_login(make_librarian())
    home = client.get("/admin/").content.decode()
    assert "/admin/reference/" in home and "/admin/reports/reference/" in home
