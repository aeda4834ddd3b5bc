"""The librarians' queue: confirmed questions only, open ones by default, the longest wait
first, filtered, each wait in words and colour, escaped, at a fixed number of queries."""

from __future__ import annotations

import pytest
from django.test import override_settings

from plugins.reference import threads
from plugins.reference.models import Question, Topic
from plugins.reference.queue_views import PER_PAGE
from tests.html import soup_of
from tests.plugins.reference.librarians.conftest import (
    asked,
    hours_ago,
    make_librarian,
    replied,
)
from tests.queries import count_queries

pytestmark = pytest.mark.django_db

QUEUE = "/admin/reference/"
Status = Question.Status


def listed(client, **filters) -> list[str]:
    soup = soup_of(client.get(QUEUE, filters))
    return [
        link.get_text(strip=True) for link in soup.select(".reference-queue .reference-summary")
    ]


def test_the_queue_lists_open_confirmed_questions_the_longest_wait_first(client, librarian):
    asked("Newer", at=hours_ago(1))
    asked("Older", at=hours_ago(5))
    asked("Waiting for the reader", at=hours_ago(3), status=Status.WAITING)
    asked("Answered", at=hours_ago(8), status=Status.ANSWERED)
    asked("Closed", at=hours_ago(9), status=Status.CLOSED)
    threads.ask(body="Unconfirmed", language="en", email="someone@example.org")

    assert listed(client) == ["Older", "Waiting for the reader", "Newer"]


def test_a_readers_reply_puts_the_question_back_in_the_line_from_then(client, librarian):
    early = asked("Asked long ago, replied just now", at=hours_ago(30))
    asked("Asked an hour ago", at=hours_ago(1))
    replied(early, "One more thing", hours_ago(0.1))

    assert listed(client) == ["Asked an hour ago", "Asked long ago, replied just now"]
    row = soup_of(client.get(QUEUE)).select_one(f"#question-{early.pk} .reference-age")
    assert "asked 1\xa0day, 6\xa0hours ago" in row.get_text(" ", strip=True)


def test_the_status_filter_shows_one_status_or_all(client, librarian):
    asked("New one")
    asked("Answered one", status=Status.ANSWERED)
    asked("Closed one", status=Status.CLOSED)

    assert listed(client, status="answered") == ["Answered one"]
    assert set(listed(client, status="all")) == {"New one", "Answered one", "Closed one"}
    assert listed(client, status="nonsense") == ["New one"]  # back to the default


def test_the_assignment_filter_shows_mine_or_nobodys(client, librarian):
    colleague = make_librarian("colleague")
    mine = asked("Mine")
    theirs = asked("Theirs")
    asked("Nobody's")
    threads.assign(mine, librarian)
    threads.assign(theirs, colleague)

    assert listed(client, assigned="me") == ["Mine"]
    assert listed(client, assigned="nobody") == ["Nobody's"]
    assert len(listed(client)) == 3


def test_topic_language_and_source_filters(client, librarian):
    history = Topic.objects.create(name="Local history", locale_id=1)
    asked("About the town", topic=history)
    asked("На русском", language="ru")
    asked("In the chat", source=Question.Source.CHAT)

    assert listed(client, topic=str(history.translation_key)) == ["About the town"]
    assert listed(client, language="ru") == ["На русском"]
    assert listed(client, source="chat") == ["In the chat"]


@override_settings(REFERENCE_SLA_HOURS=(24, 48))
def test_the_late_filter_shows_those_past_the_first_or_the_second_limit(client, librarian):
    asked("Fresh", at=hours_ago(2))
    asked("Late", at=hours_ago(30))
    asked("Very late", at=hours_ago(50))
    asked("Asked back long ago", at=hours_ago(70), status=Status.WAITING)

    assert listed(client, late="amber") == ["Late"]
    assert listed(client, late="red") == ["Very late"]


@override_settings(REFERENCE_SLA_HOURS=(24, 48))
def test_each_wait_is_said_in_words_beside_its_colour(client, librarian):
    asked("Fresh", at=hours_ago(2))
    asked("Late", at=hours_ago(30))
    asked("Very late", at=hours_ago(50))
    asked("Waiting for the reader", at=hours_ago(70), status=Status.WAITING)

    soup = soup_of(client.get(QUEUE))
    rows = {
        row.select_one(".reference-summary").get_text(strip=True): row
        for row in soup.select(".reference-queue tbody tr")
    }

    def sla(name):
        badge = rows[name].select_one(".reference-sla")
        return badge and (badge.get_text(strip=True), badge["class"][-1])

    assert sla("Fresh") == ("within 24 h", "reference-sla--ok")
    assert sla("Late") == ("over 24 h", "reference-sla--amber")
    assert sla("Very late") == ("over 48 h", "reference-sla--red")
    assert sla("Waiting for the reader") is None  # the library owes nothing now
    assert "reference-row--red" in rows["Very late"]["class"]


def test_fifty_questions_a_page_and_the_filters_kept_on_the_next(client, librarian):
    for number in range(PER_PAGE + 3):
        asked(f"Question {number:02d}", at=hours_ago(100 - number), language="uk")

    first = soup_of(client.get(QUEUE, {"language": "uk"}))
    assert len(first.select(".reference-queue tbody tr")) == PER_PAGE
    following = first.select_one(".pagination .next a")["href"]
    assert "language=uk" in following and "page=2" in following
    assert listed(client, language="uk", page="2") == ["Question 50", "Question 51", "Question 52"]


def test_the_menu_counts_the_new_questions(client, librarian):
    asked("One")
    asked("Two")
    asked("Answered", status=Status.ANSWERED)

    assert "Questions (2 new)" in client.get(QUEUE).content.decode()


def test_reader_text_is_escaped_in_the_queue(client, librarian):
    asked('<script>alert("q")</script>', name='<img src=x onerror=alert("n")>')

    html = client.get(QUEUE).content.decode()

    assert '<script>alert("q")' not in html
    assert "&lt;script&gt;alert(&quot;q&quot;)&lt;/script&gt;" in html


def test_the_queue_costs_the_same_queries_for_5_and_60_questions(client, librarian):
    colleague = make_librarian("colleague")
    topic = Topic.objects.create(name="Databases", locale_id=1)

    def fill(count):
        for number in range(count):
            question = asked(f"Q{number}", at=hours_ago(number), topic=topic)
            if number % 2:
                threads.assign(question, colleague)
            if number % 3 == 0:
                replied(question, "And?", hours_ago(0))

    fill(5)
    few = count_queries(client, QUEUE)
    fill(55)
    many = count_queries(client, QUEUE)

    assert few == many
