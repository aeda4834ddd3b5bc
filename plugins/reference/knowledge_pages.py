"""What the knowledge base's pages show besides their fields: the base's search results, one
topic's entries or all topics; an entry's record cards, its way back to its topic, the reader's
"was this helpful?" and where to ask a question of their own."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest
from wagtail.models import Page

from plugins.reference import knowledge_listing, knowledge_search
from plugins.reference.faq_jsonld import faq_jsonld
from plugins.reference.models import AskLibrarianPage, FaqEntryPage, KnowledgeBasePage


def base_context(base: KnowledgeBasePage, request: HttpRequest) -> dict:
    """``query`` and ``results`` when searching; else ``topic`` and ``entries`` (a page of
    them) when one topic is chosen; else ``groups``, every topic's first entries."""
    base_url = base.get_url(request)
    query = knowledge_search.query_of(request)
    if query:
        results = knowledge_search.search(base, base_url, query, request)
        return {"query": query, "results": results, "pages": _pages(results, {"q": query})}
    topic = knowledge_listing.chosen_topic(base, request.GET.get("topic", ""))
    if topic is not None:
        entries = knowledge_listing.topic_page(base, base_url, topic, request)
        pages = _pages(entries, {"topic": topic.value})
        return {"topic": topic, "entries": entries, "pages": pages}
    return {"groups": knowledge_listing.grouped(base, base_url)}


def _pages(page, query: dict) -> dict:
    """The links to the previous and next pages, keeping what was asked for."""
    return {
        "previous": f"?{urlencode({**query, 'page': page.previous_page_number()})}"
        if page.has_previous()
        else "",
        "next": f"?{urlencode({**query, 'page': page.next_page_number()})}"
        if page.has_next()
        else "",
    }


def ask_page_of(base: Page) -> Page:
    """Where a reader asks their own question: the "Ask a librarian" page the knowledge base
    sits under, else the knowledge base itself (which links to it from its introduction)."""
    parent = base.get_parent().specific
    return parent if isinstance(parent, AskLibrarianPage) else base


def entry_context(entry: FaqEntryPage, request: HttpRequest) -> dict:
    from plugins.opac.blocks import cards_by_id
    from plugins.reference.votes import vote_of

    base = entry.get_parent().specific
    topic = knowledge_listing.chosen_topic(base, str(entry.topic_id)) if entry.topic_id else None
    return {
        "base": base,
        "topic": topic,
        "ask_page": ask_page_of(base),
        "record_cards": cards_by_id(entry.biblio_ids()),
        "vote": vote_of(request, entry),
        "jsonld": faq_jsonld(entry, request),
    }
