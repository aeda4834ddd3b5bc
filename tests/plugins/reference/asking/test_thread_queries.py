"""The thread page's cost does not grow with its messages or the records they name."""

from __future__ import annotations

import pytest

from plugins.opac.models import CatalogueRecord
from plugins.reference import threads
from tests.plugins.reference.asking.conftest import anonymous_question, thread_url
from tests.queries import count_queries

pytestmark = pytest.mark.django_db


def test_the_thread_page_costs_as_many_queries_with_ten_answers_as_with_one(
    client, librarian, catalogue, site_koha
):
    records = list(CatalogueRecord.objects.order_by("pk")[:6])
    question = anonymous_question()
    threads.answer(question, librarian, "First", records=records[:1])
    threads.note(question, librarian, "A note")
    one = count_queries(client, thread_url(question))
    for turn in range(9):
        threads.reply(question, f"Reply {turn}")
        threads.answer(question, librarian, f"Answer {turn}", records=records[: turn % 5 + 2])
    assert count_queries(client, thread_url(question)) == one
