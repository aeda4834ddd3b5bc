"""Publishing an answered question as a knowledge base entry, from the admin: a draft under the
knowledge base of the question's language, anonymised, made once, only with the reader's consent
and by librarians who may add pages there."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, PageLogEntry

from plugins.opac.models import CatalogueRecord
from plugins.reference import threads
from plugins.reference.models import FaqEntryPage, KnowledgeBasePage, Question
from tests.html import soup_of
from tests.plugins.reference.knowledge.conftest import (
    add_topic,
    answered_question,
    base_of,
    make_librarian,
)

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def publish_url(question: Question) -> str:
    return reverse("reference_publish_faq", args=[question.pk])


def edit_url(entry: FaqEntryPage) -> str:
    return reverse("wagtailadmin_pages:edit", args=[entry.pk])


def only_entry(question: Question) -> FaqEntryPage:
    (entry,) = FaqEntryPage.objects.filter(source_question=question)
    return entry


def test_publishing_makes_a_draft_entry_and_opens_it_in_the_editor(client, librarian):
    topic = add_topic("Loans")
    question = answered_question(
        librarian,
        "How do I renew a loan?\nI have three books.",
        answer="Open My account.\n\nThen press Renew.",
        topic=topic,
    )

    response = client.post(publish_url(question), follow=True)

    entry = only_entry(question)
    assert response.redirect_chain[-1][0] == edit_url(entry)
    assert "Edit it so it names nobody, then publish" in response.content.decode()
    assert not entry.live and entry.has_unpublished_changes
    assert entry.get_parent().specific == base_of("en")
    assert entry.title == "How do I renew a loan?"
    assert entry.question == "How do I renew a loan?\nI have three books."
    assert [block.block_type for block in entry.answer] == ["paragraph"]
    assert entry.answer[0].value.source == "<p>Open My account.</p><p>Then press Renew.</p>"
    assert entry.topic == topic
    assert entry.source_question == question
    assert PageLogEntry.objects.filter(page=entry, action="wagtail.create", user=librarian).exists()


def test_the_get_asks_before_making_anything(client, librarian):
    question = answered_question(librarian)

    soup = soup_of(client.get(publish_url(question)))

    assert soup.select_one("form[method=post] button[type=submit]") is not None
    assert not FaqEntryPage.objects.filter(source_question=question).exists()


def test_the_entry_goes_to_the_knowledge_base_of_the_questions_language(client, librarian):
    question = answered_question(librarian, "Как продлить книги?", language="ru")

    client.post(publish_url(question))

    assert only_entry(question).get_parent().specific == base_of("ru")


def test_a_question_in_a_language_without_a_knowledge_base_goes_to_the_default_one(
    client, librarian
):
    question = answered_question(librarian, "Wie verlängere ich?", language="de")

    client.post(publish_url(question))

    assert only_entry(question).get_parent().specific == base_of("en")


def test_the_topic_is_the_knowledge_bases_language_one(client, librarian):
    topic = add_topic("Printing")
    ro_topic = topic.copy_for_translation(Locale.objects.get(language_code="ro"))
    ro_topic.name = "Imprimare"
    ro_topic.save()
    question = answered_question(librarian, "Pot imprima?", language="ro", topic=topic)

    client.post(publish_url(question))

    assert only_entry(question).topic == ro_topic


def test_without_a_knowledge_base_the_librarian_is_told_what_to_do(client, librarian):
    KnowledgeBasePage.objects.all().delete()
    question = answered_question(librarian)

    response = client.post(publish_url(question))

    assert response.status_code == 409
    assert "There is no knowledge base page yet" in response.content.decode()
    assert not FaqEntryPage.objects.filter(source_question=question).exists()


def test_publishing_again_opens_the_entry_made_before(client, librarian):
    question = answered_question(librarian)
    client.post(publish_url(question))
    entry = only_entry(question)

    again = client.post(publish_url(question), follow=True)
    looked = client.get(publish_url(question))

    assert again.redirect_chain[-1][0] == edit_url(entry)
    assert "already a knowledge base entry" in again.content.decode()
    assert looked["Location"] == edit_url(entry)
    assert FaqEntryPage.objects.filter(source_question=question).count() == 1


def test_without_the_readers_consent_nothing_is_published(client, librarian):
    question = answered_question(librarian, consent=False)

    response = client.post(publish_url(question))

    assert response.status_code == 409
    assert "did not agree" in response.content.decode()
    assert not FaqEntryPage.objects.filter(source_question=question).exists()


def test_an_unanswered_question_is_not_published(client, librarian):
    question = threads.ask(body="Anyone?", language="en", reader=librarian, consent_to_publish=True)
    threads.note(question, librarian, "Internal only.")

    response = client.post(publish_url(question))

    assert response.status_code == 409
    assert not FaqEntryPage.objects.filter(source_question=question).exists()


def test_the_draft_names_nobody(client, librarian):
    reader = get_user_model().objects.create_user(
        "mpopescu", "maria@example.org", "pw", first_name="Maria", last_name="Popescu"
    )
    question = threads.ask(
        body="Hello, I am Maria Popescu (card 23529001000011, tel. +373 22 123 456, "
        "maria.p@mail.example). Where are the maps?",
        language="en",
        reader=reader,
        consent_to_publish=True,
    )
    threads.answer(question, librarian, "Dear Maria, the maps are on the second floor.")

    client.post(publish_url(question))

    entry = only_entry(question)
    text = entry.question + entry.answer[0].value.source
    for secret in ("Maria", "Popescu", "23529001000011", "123 456", "maria.p@", "mail.example"):
        assert secret not in text
    assert entry.question == (
        "Hello, I am [name] [name] (card [number], tel. [telephone number], [e-mail address]). "
        "Where are the maps?"
    )
    assert entry.answer[0].value.source == "<p>Dear [name], the maps are on the second floor.</p>"


def test_notes_and_replies_stay_out_and_chat_answers_come_in(client, librarian):
    question = answered_question(librarian, answer="First answer.")
    threads.note(question, librarian, "Internal: the reader is a colleague.")
    threads.reply(question, "Thanks, and one more thing?")
    threads.answer(question, librarian, "Said in the chat.", via_chat=True)

    client.post(publish_url(question))

    sources = [block.value.source for block in only_entry(question).answer]
    assert sources == ["<p>First answer.</p>", "<p>Said in the chat.</p>"]


def test_the_answers_records_become_record_blocks_once_each(client, librarian, catalogue):
    question = answered_question(librarian)
    records = CatalogueRecord.objects.filter(biblio_id__in=[15, 70])
    threads.answer(question, librarian, "Also see these.", records=records)
    threads.answer(question, librarian, "And again.", records=records.filter(biblio_id=15))

    client.post(publish_url(question))

    entry = only_entry(question)
    assert [block.block_type for block in entry.answer] == ["paragraph"] * 3 + ["record"] * 2
    assert sorted(entry.biblio_ids()) == [15, 70]


def test_markup_in_a_question_stays_text_on_the_published_entry(client, librarian):
    question = answered_question(librarian, f"Is {XSS} dangerous?", answer=f"No: {XSS}")
    client.post(publish_url(question))
    entry = only_entry(question)
    entry.get_latest_revision().publish()
    client.logout()

    response = client.get(FaqEntryPage.objects.get(pk=entry.pk).url)

    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    soup = soup_of(response)
    assert XSS in soup.h1.get_text()
    assert f"No: {XSS}" in soup.select_one(".faq-entry__answer").get_text()


def test_a_long_first_line_makes_a_short_title_and_slug(client, librarian):
    question = answered_question(librarian, "Why " + "very " * 60 + "long?")

    client.post(publish_url(question))

    entry = only_entry(question)
    assert len(entry.title) <= 120 and entry.title.endswith("…")
    assert len(entry.slug) <= 80


def test_two_questions_with_the_same_words_get_different_slugs(client, librarian):
    first = answered_question(librarian, "Where is the toilet?")
    second = answered_question(librarian, "Where is the toilet?")

    client.post(publish_url(first))
    client.post(publish_url(second))

    assert {only_entry(first).slug, only_entry(second).slug} == {
        "where-is-the-toilet",
        "where-is-the-toilet-2",
    }


def test_visitors_are_sent_to_the_admin_login(client):
    question = answered_question(make_librarian("someone"))

    response = client.post(publish_url(question))

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_user_who_does_not_answer_questions_is_refused(client):
    question = answered_question(make_librarian())
    staff = get_user_model().objects.create_user("clerk", "clerk@example.org", "pw")
    staff.user_permissions.add(*_admin_access())
    client.force_login(staff)

    assert_refused(client.post(publish_url(question)))
    assert not FaqEntryPage.objects.filter(source_question=question).exists()


def test_a_librarian_who_may_not_add_pages_to_the_knowledge_base_is_refused(client):
    from django.contrib.auth.models import Group, Permission

    answerers = Group.objects.create(name="Answerers only")
    answerers.permissions.add(Permission.objects.get(codename="answer_question"), *_admin_access())
    user = get_user_model().objects.create_user("answerer", "answerer@example.org", "pw")
    user.groups.add(answerers)
    assert not GroupPagePermission.objects.filter(group=answerers).exists()
    client.force_login(user)
    question = answered_question(make_librarian())

    assert_refused(client.post(publish_url(question)))
    assert not FaqEntryPage.objects.filter(source_question=question).exists()


def assert_refused(response) -> None:
    """Wagtail's answer to a missing permission: back to the dashboard, with its message."""
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


def _admin_access():
    from django.contrib.auth.models import Permission

    return [Permission.objects.get(codename="access_admin")]
