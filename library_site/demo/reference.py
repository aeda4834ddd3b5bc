"""Load the demo's reference service idempotently: the "Ask a librarian" page in the menu, its
knowledge base with eight answered questions by topic (two naming catalogue records), and the
topics and canned answers librarians use, in English translated with wagtail-localize."""

from __future__ import annotations

from wagtail.models import Locale, Page

from library_site.demo.content import reference as content
from library_site.demo.content.text import Catalogue
from plugins.reference.models import (
    AskLibrarianPage,
    CannedAnswer,
    FaqEntryPage,
    KnowledgeBasePage,
    Topic,
)


def ensure_topics(catalogue: Catalogue, locales: list[Locale], translate) -> dict[str, Topic]:
    default = Locale.get_default()
    topics = {}
    for topic in content.TOPICS:
        found, _created = Topic.objects.get_or_create(
            locale=default, name=topic.name.en, defaults={"sort_order": topic.sort_order}
        )
        translate(found, catalogue, locales)
        topics[topic.key] = found
    return topics


def ensure_canned_answers(catalogue: Catalogue, locales: list[Locale], translate) -> None:
    default = Locale.get_default()
    for canned in content.CANNED_ANSWERS:
        found, _created = CannedAnswer.objects.get_or_create(
            locale=default, title=canned.title.en, defaults={"body": canned.body.en}
        )
        translate(found, catalogue, locales)


def _publish_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_ask_pages(home: Page) -> tuple[AskLibrarianPage, KnowledgeBasePage]:
    """The "Ask a librarian" page in the menu, and its knowledge base."""
    ask = AskLibrarianPage.objects.child_of(home).first() or _publish_child(
        home,
        AskLibrarianPage(
            title=content.ASK_TITLE.en,
            slug=content.ASK_SLUG.en,
            intro=f"<p>{content.ASK_INTRO.en}</p>",
            show_in_menus=True,
        ),
    )
    base = KnowledgeBasePage.objects.child_of(ask).first() or _publish_child(
        ask,
        KnowledgeBasePage(
            title=content.BASE_TITLE.en,
            slug=content.BASE_SLUG.en,
            intro=f"<p>{content.BASE_INTRO.en}</p>",
        ),
    )
    return ask, base


def _answer(entry: content.EntryContent) -> list[tuple]:
    blocks: list[tuple] = [("paragraph", f"<p>{paragraph.en}</p>") for paragraph in entry.answer]
    return blocks + [
        ("record", {"biblio_id": biblio_id, "note": note.en}) for biblio_id, note in entry.records
    ]


def ensure_entries(
    base: KnowledgeBasePage, topics: dict[str, Topic], catalogue: Catalogue, locales, translate
) -> None:
    for entry in content.ENTRIES:
        page = FaqEntryPage.objects.child_of(base).filter(slug=entry.slug.en).first()
        if page is None:
            page = _publish_child(
                base,
                FaqEntryPage(
                    title=entry.title.en,
                    slug=entry.slug.en,
                    question=entry.question.en,
                    answer=_answer(entry),
                    topic=topics[entry.topic],
                ),
            )
        translate(page, catalogue, locales, entry.slug)


def ensure_reference(home: Page, catalogue: Catalogue, locales: list[Locale], translate) -> None:
    """Everything of the reference service's demo, in every language."""
    topics = ensure_topics(catalogue, locales, translate)
    ensure_canned_answers(catalogue, locales, translate)
    ask, base = ensure_ask_pages(home)
    translate(ask, catalogue, locales, content.ASK_SLUG)
    translate(base, catalogue, locales, content.BASE_SLUG)
    ensure_entries(base, topics, catalogue, locales, translate)
