"""An answered question made into a draft knowledge-base entry, for a librarian to edit and
publish: the question without what names the reader, the librarians' answers as text, the
records they pointed to as record blocks, under the knowledge base of the question's language."""

from __future__ import annotations

from django.db import transaction
from django.utils import translation
from django.utils.html import escape
from django.utils.text import Truncator, slugify
from wagtail.log_actions import log
from wagtail.models import Locale

from plugins.reference.anonymise import anonymise
from plugins.reference.models import FaqEntryPage, KnowledgeBasePage, Message, Question, Topic

TITLE_LENGTH = 120  # a question as a heading and a link text, not a letter
SLUG_LENGTH = 80


class NotPublishable(Exception):
    """The question may not become an entry (no consent, or nothing public answered it)."""


def existing_entry(question: Question) -> FaqEntryPage | None:
    """The entry already made from this question (its first, not a translation), if any."""
    return FaqEntryPage.objects.filter(source_question=question).order_by("pk").first()


def knowledge_base_for(language: str) -> KnowledgeBasePage | None:
    """The knowledge base of ``language``, else the default language's, else none."""
    bases = KnowledgeBasePage.objects.select_related("locale")
    return (
        bases.filter(locale__language_code=language).order_by("path").first()
        or bases.filter(locale=Locale.get_default()).order_by("path").first()
    )


def public_answers(question: Question) -> list[Message]:
    """The librarians' answers the reader saw (chat lines included), with their records."""
    return list(
        question.messages.filter(kind=Message.Kind.ANSWER)
        .prefetch_related("records")
        .order_by("created_at", "pk")
    )


def check_publishable(question: Question) -> list[Message]:
    """The answers to publish; NotPublishable when the reader did not agree or none exists."""
    if not question.consent_to_publish:
        raise NotPublishable("the reader did not agree to publish")
    answers = public_answers(question)
    if not answers:
        raise NotPublishable("no answer to publish")
    return answers


def asker_names(question: Question) -> list[str]:
    """Every name the asker gave or has on their account."""
    names = [question.name]
    reader = question.reader
    if reader is not None:
        names += [reader.get_full_name(), reader.first_name, reader.last_name, reader.username]
    return [name for name in names if name]


def paragraph_html(text: str) -> str:
    """Plain text as rich text: its blank-line paragraphs as <p>, its line breaks as <br/>;
    every character escaped, so markup a reader typed stays text."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(
        "<p>" + "<br/>".join(escape(line) for line in part.split("\n")) + "</p>"
        for part in paragraphs
        if part
    )


def title_of(question_text: str) -> str:
    """The question's first line, cut at a word near TITLE_LENGTH."""
    first = next((line.strip() for line in question_text.splitlines() if line.strip()), "")
    return Truncator(first).chars(TITLE_LENGTH)


def answer_stream(answers: list[Message], names: list[str]) -> list[tuple[str, object]]:
    """The answers' texts, each a paragraph block, then each record they named once."""
    stream: list[tuple[str, object]] = [
        ("paragraph", paragraph_html(anonymise(message.body, names))) for message in answers
    ]
    biblio_ids = dict.fromkeys(
        record.biblio_id for message in answers for record in message.records.all()
    )
    stream += [("record", {"biblio_id": biblio_id, "note": ""}) for biblio_id in biblio_ids]
    return stream


def topic_in(topic: Topic | None, locale: Locale) -> Topic | None:
    """The question's topic in the knowledge base's language, or as it is when not translated."""
    if topic is None or topic.locale_id == locale.pk:
        return topic
    return topic.get_translation_or_none(locale) or topic


@transaction.atomic
def draft_entry(question: Question, base: KnowledgeBasePage, user) -> FaqEntryPage:
    """A new draft entry under ``base`` made from ``question`` (see ``check_publishable``)."""
    answers = check_publishable(question)
    names = asker_names(question)
    with translation.override(question.language or base.locale.language_code):
        text = anonymise(question.body, names)
        stream = answer_stream(answers, names)
    title = title_of(text)
    entry = FaqEntryPage(
        title=title,
        slug=free_slug(base, title),
        question=text,
        answer=stream,
        topic=topic_in(question.topic, base.locale),
        source_question=question,
        live=False,
        owner=user,
    )
    base.add_child(instance=entry)
    log(instance=entry, action="wagtail.create", user=user)  # the page's history says who
    entry.save_revision(user=user, log_action=True)
    return entry


def free_slug(base: KnowledgeBasePage, title: str) -> str:
    """A slug made from the title that no other entry of ``base`` has ("…-2", "…-3" else)."""
    stem = slugify(title, allow_unicode=True)[:SLUG_LENGTH].strip("-") or "question"
    taken = set(base.get_children().filter(slug__startswith=stem).values_list("slug", flat=True))
    slug, number = stem, 1
    while slug in taken:
        number += 1
        slug = f"{stem}-{number}"
    return slug
