"""A live chat mails no one: the reader and the librarian are both there, and the reader leaves
with the thread's link. A question sent by the form, for contrast, is mailed to both sides."""

from __future__ import annotations

import pytest

from plugins.reference import threads

pytestmark = pytest.mark.django_db


def test_a_chat_and_its_lines_mail_neither_the_reader_nor_the_librarians(
    librarian, reader, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        question = threads.start_chat(
            body="Is the archive open today?", language="uk", reader=reader
        )
        threads.answer(question, librarian, "Yes, until six.", via_chat=True)
        threads.reply(question, "Thank you!", author=reader, via_chat=True)
        threads.end_chat(question)
    assert mailoutbox == []


def test_a_question_by_the_form_is_acknowledged_and_announced(
    librarian, reader, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        threads.ask(body="Is the archive open today?", language="uk", reader=reader)
    assert sorted(address for mail in mailoutbox for address in mail.to) == [
        "marta@library.test",
        "olena@example.org",
    ]
