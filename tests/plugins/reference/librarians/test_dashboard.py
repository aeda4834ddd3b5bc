"""The admin home page's reference panel: what waits, the late ones by level, the longest
wait, each leading to the queue filtered to it; for librarians only, at constant queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from plugins.reference import threads
from plugins.reference.dashboard import ReferencePanel
from plugins.reference.models import Question
from tests.html import soup_of
from tests.plugins.reference.librarians.conftest import (
    admin_user_without_the_service,
    asked,
    hours_ago,
    make_librarian,
    replied,
)

pytestmark = pytest.mark.django_db
Status = Question.Status


def panel(client):
    return soup_of(client.get("/admin/")).select_one(".reference-panel")


def test_the_panel_counts_what_waits_and_links_to_the_filtered_queue(client, librarian, settings):
    settings.REFERENCE_SLA_HOURS = (24, 48)
    colleague = make_librarian("colleague")
    asked("new, fresh", at=hours_ago(1))
    asked("new, late", at=hours_ago(30))
    threads.assign(asked("mine, very late", at=hours_ago(60)), librarian)
    threads.assign(asked("theirs", at=hours_ago(2)), colleague)
    asked("waiting for the reader", at=hours_ago(100), status=Status.WAITING)
    asked("answered", at=hours_ago(100), status=Status.ANSWERED)
    threads.ask(body="unconfirmed", language="en", email="x@example.org")

    links = {
        a.get_text(" ", strip=True): a["href"]
        for a in panel(client).select(".reference-panel__counts a")
    }

    assert links == {
        "New: 2": "/admin/reference/?status=new",
        "Assigned to me: 1": "/admin/reference/?assigned=me",
        "Waiting for the reader: 1": "/admin/reference/?status=waiting",
        "over 24 h : 1": "/admin/reference/?late=amber",
        "over 48 h : 1": "/admin/reference/?late=red",
    }


def test_the_panel_names_the_longest_wait_counting_from_the_last_reply(client, librarian):
    replied(asked("asked first, replied since", at=hours_ago(50)), "and?", hours_ago(1))
    asked("waiting longest", at=hours_ago(40))

    oldest = panel(client).select_one(".reference-panel__oldest")

    assert oldest.a.text == "waiting longest"
    assert "over 24 h" in oldest.select_one(".reference-sla").text


def test_with_nothing_waiting_the_panel_says_so(client, librarian):
    assert "No reader is waiting" in panel(client).text


def test_the_panel_is_only_for_librarians(client):
    client.force_login(admin_user_without_the_service())

    assert panel(client) is None


def test_the_panel_costs_the_same_queries_for_few_and_many_questions(db):
    user = make_librarian()
    request = RequestFactory().get("/admin/")
    request.user = user

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            ReferencePanel(user).render_html({"request": request})
        return len(captured)

    for number in range(3):
        asked(f"Q{number}", at=hours_ago(number * 20))
    few = queries()
    for number in range(40):
        asked(f"More {number}", at=hours_ago(number * 2))
    assert queries() == few == 2
