"""Search in one knowledge base: its live entries, in its language, by the words of their
questions and answers, with the site's search backend. Any input gives a page."""

from __future__ import annotations

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import HttpRequest

from plugins.opac.reader_input import clean_text
from plugins.reference.knowledge_listing import EntryLink, entries_of
from plugins.reference.models import KnowledgeBasePage

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 20


def query_of(request: HttpRequest) -> str:
    """The words asked for, cleaned as the site's search cleans them ("" for none)."""
    return clean_text(request.GET.get("q", ""), MAX_QUERY_LENGTH)


def search(
    base: KnowledgeBasePage, base_url: str, query: str, request: HttpRequest
) -> PaginatorPage:
    """One page of the entries matching ``query``, best first, as links."""
    results = entries_of(base).search(query)
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = [EntryLink(entry.title, f"{base_url}{entry.slug}/") for entry in page]
    return page
