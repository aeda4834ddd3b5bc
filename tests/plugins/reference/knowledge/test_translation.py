"""From a reader's question to an entry in two languages: published as a draft in English,
published by a librarian, translated into Russian with wagtail-localize's "Translate" (its dummy
machine translator, which reverses the words), published, listed and found in each language."""

from __future__ import annotations

import pytest
from django.urls import reverse

from plugins.reference.models import FaqEntryPage, Topic
from tests.html import soup_of
from tests.machine_translation import machine_translated
from tests.plugins.reference.knowledge.conftest import answered_question, base_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def dummy_translator(settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }


def listed(client, url: str) -> dict[str, list[str]]:
    soup = soup_of(client.get(url))
    return {
        section.h2.get_text(strip=True): [a.get_text(strip=True) for a in section.select("li a")]
        for section in soup.select(".knowledge__group")
    }


def kb_search(client, url: str, words: str) -> list[str]:
    soup = soup_of(client.get(url, {"q": words}))
    return [a.get_text(strip=True) for a in soup.select(".knowledge__results li a")]


def site_search(client, language: str, words: str) -> list[str]:
    soup = soup_of(client.get(f"/{language}/search/", {"q": words}))
    return [a.get_text(strip=True) for a in soup.select(".search-results h2 a")]


def test_an_answer_published_in_english_is_translated_and_found_in_russian(
    admin_client, client, admin_user, dummy_translator, django_capture_on_commit_callbacks
):
    loans = Topic.objects.get(name="Borrowing and renewing")
    question = answered_question(
        admin_user,
        "Can my grandson borrow on my card?",
        answer="Grandchildren borrow with their own card",
        topic=loans,
    )
    admin_client.post(reverse("reference_publish_faq", args=[question.pk]))
    english = FaqEntryPage.objects.get(source_question=question)
    english.get_latest_revision().publish()
    english.refresh_from_db()

    russian = machine_translated(admin_client, english, "ru", django_capture_on_commit_callbacks)

    assert russian.live and russian.get_parent().specific == base_of("ru")
    assert russian.title == "card? my on borrow grandson my Can"
    assert russian.topic.name == "Выдача и продление"
    assert (
        "card? my on borrow grandson my Can"
        in listed(client, base_of("ru").url)["Выдача и продление"]
    )
    assert (
        "Can my grandson borrow on my card?"
        in listed(client, base_of("en").url)["Borrowing and renewing"]
    )
    assert kb_search(client, base_of("ru").url, "Grandchildren") == [russian.title]
    assert site_search(client, "ru", "Grandchildren") == [russian.title]
    assert site_search(client, "en", "Grandchildren") == [english.title]
    assert client.get(russian.url).status_code == 200


def test_a_translation_whose_topic_is_not_translated_is_listed_under_the_source_name(
    admin_client, client, admin_user, dummy_translator, django_capture_on_commit_callbacks
):
    new_topic = Topic.objects.create(name="Chess club", locale=base_of("en").locale)
    question = answered_question(admin_user, "When is chess club?", topic=new_topic)
    admin_client.post(reverse("reference_publish_faq", args=[question.pk]))
    english = FaqEntryPage.objects.get(source_question=question)
    english.get_latest_revision().publish()

    russian = machine_translated(admin_client, english, "ru", django_capture_on_commit_callbacks)

    groups = listed(client, base_of("ru").url)
    (group,) = [name for name, titles in groups.items() if russian.title in titles]
    assert group == "Chess club"  # the source topic's name until it is translated
