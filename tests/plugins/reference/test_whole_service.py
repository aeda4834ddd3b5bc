"""The service from end to end, as the issue tells it: a reader asks, is acknowledged, a
librarian answers in the admin, the reader is mailed and reads the thread, and the answer is
published in the knowledge base in two languages."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from plugins.opac.record_urls import record_url
from plugins.reference.models import FaqEntryPage, KnowledgeBasePage, Question
from tests.html import soup_of
from tests.machine_translation import machine_translated
from tests.plugins.opac.conftest import catalogue, site_koha  # noqa: F401
from tests.plugins.reference.asking.conftest import ask_url, links_in, oliver  # noqa: F401
from tests.plugins.reference.librarians.conftest import make_librarian

pytestmark = pytest.mark.django_db
QUESTION = "Do you have an illustrated Oliver Twist for my class?"


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def entries_listed(client: Client, language: str) -> list[str]:
    base = KnowledgeBasePage.objects.get(locale__language_code=language)
    return [link.get_text(strip=True) for link in soup_of(client.get(base.url)).select("main li a")]


def test_a_question_goes_from_the_reader_to_the_librarian_and_into_the_knowledge_base(
    client,
    admin_client,
    oliver,  # noqa: F811
    mailoutbox,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
    marta = make_librarian("marta")
    librarian = Client()
    librarian.force_login(marta)

    # The reader asks without an account and confirms the address by the mailed link.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            ask_url("en"),
            {
                "body": QUESTION,
                "language": "en",
                "email": "olena@example.org",
                "consent_to_publish": "on",
            },
        )
    question = Question.objects.get(body=QUESTION)
    confirm = next(link for link in links_in(mailoutbox[0]) if "/confirm/" in link)
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(path_of(confirm))
    acknowledged = {tuple(mail.to): mail for mail in mailoutbox}
    assert QUESTION in acknowledged[("olena@example.org",)].body
    assert ("marta@library.example",) in acknowledged  # the librarian is told

    # The librarian finds it in the queue and answers, pointing to the record.
    assert QUESTION in librarian.get(reverse("reference_queue")).content.decode()
    oliver_page = "http://testserver" + record_url(oliver.pk, oliver.title, "en")
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answered = librarian.post(
            reverse("reference_question", args=[question.pk]) + "answer/",
            {
                "body": "Yes: the 1911 edition with its engravings.",
                "record_urls": oliver_page,
                "intent": "answer",
            },
        )
    assert answered.status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED

    # The reader is mailed the answer and reads it in the thread.
    [answer_mail] = mailoutbox
    assert answer_mail.to == ["olena@example.org"]
    assert "the 1911 edition with its engravings" in answer_mail.body
    links = links_in(answer_mail)
    assert any(path_of(link) == record_url(oliver.pk, oliver.title, "en") for link in links)
    thread = next(link for link in links if "/thread/" in link)
    page = soup_of(client.get(path_of(thread)))
    assert "the 1911 edition with its engravings" in page.get_text()
    assert "olena@example.org" not in page.decode()

    # The reader agreed: it becomes an entry, published in English and translated to Ukrainian.
    drafted = librarian.post(reverse("reference_publish_faq", args=[question.pk]))
    assert drafted.status_code == 302
    english = FaqEntryPage.objects.get(source_question=question)
    english.get_latest_revision().publish()
    english.refresh_from_db()
    ukrainian = machine_translated(admin_client, english, "uk", django_capture_on_commit_callbacks)

    assert english.title in entries_listed(client, "en")
    assert ukrainian.title in entries_listed(client, "uk")
    assert ukrainian.title != english.title  # the (dummy) translator's words, not the source's
    assert client.get(ukrainian.url).status_code == 200
