"""The reader's questions in My account, in their data download, and on deleting the account."""

from __future__ import annotations

import json

import pytest

from plugins.reference import threads
from plugins.reference.account import questions_data
from tests.html import soup_of
from tests.plugins.readers.conftest import make_reader
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def test_my_account_lists_the_readers_threads_with_their_status_in_words(client, librarian):
    reader = make_reader("kim")
    first = threads.ask(body="First question\nwith details", language="en", reader=reader.user)
    second = threads.ask(body="Second question", language="en", reader=reader.user)
    threads.answer(first, librarian, "Answered")
    threads.ask(body="Someone else's", language="en", reader=make_reader("other").user)
    client.force_login(reader.user)
    section = soup_of(client.get("/en/account/")).select_one("#questions-heading").parent
    rows = [
        [cell.get_text(strip=True) for cell in row.select("td")[:2]]
        for row in section.select("tbody tr")
    ]
    assert rows == [["First question", "Answered"], ["Second question", "New"]]
    links = [a["href"] for a in section.select("tbody a")]
    assert links == [f"/en/ask/thread/{q.access_key}/" for q in (first, second)]


def test_the_data_download_holds_questions_and_messages_but_no_internal_notes(librarian):
    reader = make_reader("lee")
    question = threads.ask(body="Mine", language="ru", reader=reader.user)
    threads.note(question, librarian, "Internal")
    threads.answer(question, librarian, "The answer")
    threads.reply(question, "Thanks", author=reader.user)
    data = questions_data(reader.user)
    json.dumps(data)  # ready for the download as it is
    assert [(q["question"], q["language"]) for q in data] == [("Mine", "ru")]
    assert [(m["kind"], m["text"]) for m in data[0]["messages"]] == [
        ("answer", "The answer"),
        ("reply", "Thanks"),
    ]


def test_deleting_the_account_says_the_questions_go_too(client):
    reader = make_reader("max")
    client.force_login(reader.user)
    page = client.get("/en/account/delete/").content.decode()
    assert "your questions to the librarians and their answers" in page


def test_my_account_costs_as_many_queries_with_twelve_questions_as_with_one(client):
    reader = make_reader("many")
    client.force_login(reader.user)
    threads.ask(body="One", language="ru", reader=reader.user)
    one = count_queries(client, "/en/account/")
    for number in range(11):
        threads.ask(body=f"Question {number}", language="uk", reader=reader.user)
    assert count_queries(client, "/en/account/") == one
