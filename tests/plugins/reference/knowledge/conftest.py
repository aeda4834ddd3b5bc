"""The knowledge base as the demo makes it, entries and topics added for a test, librarians,
and answered questions to publish."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from plugins.reference import threads
from plugins.reference.models import FaqEntryPage, KnowledgeBasePage, Question, Topic
from tests.plugins.comments.conftest import make_moderator
from tests.plugins.opac.conftest import catalogue, site_koha  # noqa: F401


def base_of(language: str = "en") -> KnowledgeBasePage:
    return KnowledgeBasePage.objects.get(locale__language_code=language)


def add_topic(name: str, language: str = "en", sort_order: int = 100) -> Topic:
    return Topic.objects.create(
        name=name, sort_order=sort_order, locale=Locale.objects.get(language_code=language)
    )


def translate_topic(topic: Topic, language: str, name: str) -> Topic:
    """The topic's translation, as wagtail-localize's copy would make it, named ``name``."""
    translated = topic.copy_for_translation(Locale.objects.get(language_code=language))
    translated.name = name
    translated.save()
    return translated


def add_entry(
    base: KnowledgeBasePage,
    title: str,
    *,
    topic: Topic | None = None,
    answer: str = "An answer.",
    records: tuple[int, ...] = (),
    publish: bool = True,
    **fields,
) -> FaqEntryPage:
    fields.setdefault("slug", "-".join(title.lower().split())[:60].strip("?"))
    stream = [("paragraph", f"<p>{answer}</p>")]
    stream += [("record", {"biblio_id": biblio_id, "note": ""}) for biblio_id in records]
    entry = FaqEntryPage(title=title, topic=topic, answer=stream, live=False, **fields)
    base.add_child(instance=entry)
    revision = entry.save_revision()
    if publish:
        revision.publish()
    return entry


def make_librarian(name: str = "librarian"):
    """A librarian among Wagtail's Editors, to whom the reference migration gives its rights."""
    return make_moderator(name, group="Editors")


def answered_question(
    librarian,
    body: str = "How do I renew a loan?",
    *,
    answer: str = "Open My account, then Loans.",
    consent: bool = True,
    language: str = "en",
    **fields,
) -> Question:
    topic = fields.pop("topic", None)  # librarians give it in the queue, not the reader
    question = threads.ask(
        body=body,
        language=language,
        email=fields.pop("email", "reader@example.org"),
        consent_to_publish=consent,
        **fields,
    )
    threads.confirm(question)
    if topic is not None:
        Question.objects.filter(pk=question.pk).update(topic=topic)
        question.refresh_from_db()
    threads.answer(question, librarian, answer)
    return question


@pytest.fixture
def librarian(client):
    """A signed-in librarian (an Editor)."""
    user = make_librarian()
    client.force_login(user)
    return user
