"""A question's admin page: the question and its asker for librarians, the thread with notes
set apart, and each form acting through the thread's rules, then back with a message."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from plugins.opac.models import CatalogueRecord
from plugins.reference import threads
from plugins.reference.models import CannedAnswer, Message, Question, Topic
from tests.html import soup_of
from tests.plugins.reference.librarians.conftest import asked, make_librarian, make_user

pytestmark = pytest.mark.django_db
Status = Question.Status


def page(question: Question) -> str:
    return f"/admin/reference/{question.pk}/"


def record(biblio_id: int, title: str) -> CatalogueRecord:
    return CatalogueRecord.objects.create(
        biblio_id=biblio_id, flavour="MARC21", title=title, marc={}
    )


def textarea(soup, selector: str) -> str:
    """A text area's text as a browser takes it (the newline after the tag is not text)."""
    text = soup.select_one(selector).text
    return text[1:] if text.startswith("\n") else text


@pytest.fixture
def question():
    return asked("Where can I read old newspapers?", name="Olena", email="olena@example.org")


def test_the_page_shows_the_question_and_the_asker_to_librarians(client, librarian, question):
    soup = soup_of(client.get(page(question)))

    assert (
        "Where can I read old newspapers?" in soup.select_one(".reference-message--question").text
    )
    asker = soup.select_one(".reference-asker").get_text(" ", strip=True)
    assert "Olena" in asker and "olena@example.org" in asker


def test_a_signed_in_readers_question_names_their_account_and_links_its_record(client, librarian):
    reader = make_user("maria", first_name="Maria", last_name="Ivanova")
    book = record(7, "Kobzar")
    question = asked("Is there an illustrated edition?", reader=reader, record=book)

    soup = soup_of(client.get(page(question)))

    assert "Maria Ivanova" in soup.select_one(".reference-asker").text
    assert "maria@example.org" in soup.select_one(".reference-asker").text
    assert soup.select_one("a.reference-record")["href"] == "/en/catalogue/7/kobzar/"


def test_answering_sends_the_answer_and_marks_the_question_answered(client, librarian, question):
    response = client.post(
        page(question) + "answer/",
        {"body": "In the reading room.", "intent": "answer"},
        follow=True,
    )

    question.refresh_from_db()
    assert question.status == Status.ANSWERED
    assert question.first_answered_at is not None
    assert question.assigned_to == librarian
    answer = question.messages.get()
    assert (answer.kind, answer.body, answer.author) == (
        "answer",
        "In the reading room.",
        librarian,
    )
    assert response.redirect_chain[-1][0] == page(question)
    assert "Your answer was sent to the reader." in response.content.decode()


def test_asking_the_reader_back_waits_for_the_reader(client, librarian, question):
    client.post(page(question) + "answer/", {"body": "Which year?", "intent": "ask"})

    question.refresh_from_db()
    assert question.status == Status.WAITING
    assert question.messages.get().kind == Message.Kind.ANSWER


def test_an_answer_links_chosen_and_pasted_records(client, librarian, question):
    record(3, "Oliver Twist")
    record(5, "Kobzar")
    record(9, "Eneida")

    client.post(
        page(question) + "answer/",
        {
            "body": "These three.",
            "intent": "answer",
            "record": "3",
            "record_urls": "http://testserver/uk/catalogue/5/kobzar/\n/en/catalogue/9/",
        },
    )

    assert set(question.messages.get().records.values_list("pk", flat=True)) == {3, 5, 9}
    shown = soup_of(client.get(page(question))).select(".reference-message__records a")
    assert sorted(a["href"] for a in shown) == [
        "/en/catalogue/3/oliver-twist/",
        "/en/catalogue/5/kobzar/",
        "/en/catalogue/9/eneida/",
    ]


def test_a_wrong_record_address_keeps_the_answer_typed(client, librarian, question):
    response = client.post(
        page(question) + "answer/",
        {"body": "My long answer.", "intent": "answer", "record_urls": "https://example.org/x"},
    )

    assert response.status_code == 400
    soup = soup_of(response)
    assert textarea(soup, "#id_body") == "My long answer."
    assert "https://example.org/x" in soup.select_one("#answer-form .error-message").text
    assert not Message.objects.exists()


def test_an_empty_answer_is_refused_with_a_message(client, librarian, question):
    response = client.post(page(question) + "answer/", {"body": "  ", "intent": "answer"})

    assert response.status_code == 400
    assert soup_of(response).select_one("#answer-form .error-message")
    question.refresh_from_db()
    assert question.status == Status.NEW


def test_an_internal_note_is_kept_apart_and_changes_nothing(client, librarian, question):
    client.post(page(question) + "note/", {"body": "Ask the archive first."})

    note = question.messages.get()
    assert note.kind == Message.Kind.NOTE and not note.public
    question.refresh_from_db()
    assert question.status == Status.NEW
    soup = soup_of(client.get(page(question)))
    shown = soup.select_one(".reference-message--note")
    assert "Ask the archive first." in shown.text and "not shown to the reader" in shown.text


def test_assigning_to_me_to_a_colleague_and_to_nobody(client, librarian, question):
    colleague = make_librarian("colleague")
    make_user("reader")  # not a librarian: never offered

    choices = [
        option.text for option in soup_of(client.get(page(question))).select("#id_librarian option")
    ]
    assert choices == ["me", "nobody (every librarian)", "colleague"]

    client.post(page(question) + "assign/", {"librarian": "me"})
    question.refresh_from_db()
    assert (question.assigned_to, question.status) == (librarian, Status.ASSIGNED)

    client.post(page(question) + "assign/", {"librarian": str(colleague.pk)})
    question.refresh_from_db()
    assert question.assigned_to == colleague

    client.post(page(question) + "assign/", {"librarian": ""})
    question.refresh_from_db()
    assert (question.assigned_to, question.status) == (None, Status.NEW)


def test_a_reader_cannot_be_assigned(client, librarian, question):
    reader = make_user("reader")

    response = client.post(page(question) + "assign/", {"librarian": str(reader.pk)})

    assert response.status_code == 400
    question.refresh_from_db()
    assert question.assigned_to is None


def test_the_topic_is_saved(client, librarian, question):
    topic = Topic.objects.create(name="Periodicals", locale=Locale.get_default())

    client.post(page(question) + "topic/", {"topic": str(topic.pk)})

    question.refresh_from_db()
    assert question.topic == topic


def test_closing_and_reopening(client, librarian, question):
    client.post(page(question) + "status/", {"status": "close"})
    question.refresh_from_db()
    assert question.status == Status.CLOSED and question.closed_at is not None

    client.post(page(question) + "status/", {"status": "reopen"})
    question.refresh_from_db()
    assert question.status == Status.NEW and question.closed_at is None


def test_forms_take_only_posts(client, librarian, question):
    assert client.get(page(question) + "answer/").status_code == 405


def canned(title: str, body: str, language: str = "en", of: CannedAnswer | None = None):
    locale = Locale.objects.get(language_code=language)
    if of is None:
        return CannedAnswer.objects.create(title=title, body=body, locale=locale)
    return CannedAnswer.objects.create(
        title=title, body=body, locale=locale, translation_key=of.translation_key
    )


def test_canned_answers_are_offered_in_the_questions_language_else_the_default(
    client, librarian, no_demo_snippets
):
    hours = canned("Opening hours", "We open at nine.")
    canned("Часы работы", "Мы открываемся в девять.", "ru", of=hours)
    canned("Wi-Fi", "The password is at the desk.")
    canned("Только по-русски", "Текст.", "ru")
    canned("Nur Rumänisch", "Text.", "ro")
    question = asked("Когда вы открываетесь?", language="ru")

    soup = soup_of(client.get(page(question)))

    offered = [option.text for option in soup.select("#id_canned option")][1:]
    assert offered == ["Wi-Fi", "Только по-русски", "Часы работы"]


def test_use_puts_the_canned_answer_into_the_text_without_script(client, librarian, question):
    hours = canned("Opening hours", "We open at nine.")

    response = client.post(
        page(question) + "answer/",
        {"body": "Dear reader,", "canned": str(hours.pk), "use_canned": "1", "intent": "answer"},
    )

    assert response.status_code == 200
    assert textarea(soup_of(response), "#id_body") == "Dear reader,\n\nWe open at nine."
    assert not Message.objects.exists()


def test_the_page_carries_the_canned_texts_for_the_script(client, librarian, question):
    hours = canned("Opening hours", "We open </script> at nine.")

    soup = soup_of(client.get(page(question)))

    assert soup.select_one("#reference-canned-texts").string.count("</script>") == 0
    assert str(hours.pk) in soup.select_one("#reference-canned-texts").string


def test_the_page_costs_the_same_queries_however_long_the_thread(client, librarian, question):
    from tests.queries import count_queries

    book = record(3, "Oliver Twist")
    threads.answer(question, librarian, "First.", records=[book])
    few = count_queries(client, page(question))
    for number in range(10):
        threads.reply(question, f"Reply {number}")
        threads.answer(question, librarian, f"Answer {number}", records=[book])
        threads.note(question, librarian, f"Note {number}")

    assert count_queries(client, page(question)) == few


def test_the_thread_shows_answers_replies_and_notes_in_order(client, librarian, question):
    threads.answer(question, librarian, "First answer.")
    threads.reply(question, "A reply.")
    threads.note(question, librarian, "A note.")

    soup = soup_of(client.get(page(question)))

    kinds = [item["class"][-1] for item in soup.select(".reference-thread > li")]
    assert kinds == [
        "reference-message--question",
        "reference-message--answer",
        "reference-message--reply",
        "reference-message--note",
    ]


def test_reader_text_is_escaped_on_the_page(client, librarian):
    payload = '<script>alert("x")</script>'
    question = asked(payload, name='<img src=x onerror=alert("n")>')
    threads.reply(question, f"again {payload}")

    html = client.get(page(question)).content.decode()

    assert payload not in html and "<img src=x" not in html
    assert html.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") >= 2


def test_no_knowledge_base_button_without_the_readers_consent(client, librarian):
    question = asked("May not be published", consent_to_publish=False)
    threads.answer(question, librarian, "Answered.")

    soup = soup_of(client.get(page(question)))

    assert soup.select_one(".reference-publish") is None


def test_an_unconfirmed_question_says_so(client, librarian):
    question = threads.ask(body="Still unconfirmed", language="en", email="x@example.org")

    assert "not confirmed yet" in client.get(page(question)).content.decode()


def test_an_empty_note_is_refused_and_the_answer_being_typed_is_not_touched(
    client, librarian, question
):
    response = client.post(page(question) + "note/", {"body": ""})

    assert response.status_code == 400
    soup = soup_of(response)
    assert soup.select_one("#note-form .error-message")
    assert not Message.objects.exists()
