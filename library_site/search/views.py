"""The site search page."""

from django.core.paginator import Paginator
from django.http import HttpRequest
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from library_site.search.query import clean_query

RESULTS_PER_PAGE = 10


def search(request: HttpRequest) -> TemplateResponse:
    """Pages of the active language matching ``q``; any input gives a page, never an error."""
    query = clean_query(request.GET.get("q", ""))
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().filter(locale=Locale.get_active()).search(query)
        # Counted so librarians can see what readers look for (and what finds nothing).
        Query.get(query).add_hit()
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_of_results = paginator.get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "results": page_of_results, "paginator": paginator},
    )
