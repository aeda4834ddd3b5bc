"""The catalogue's search: one interface for the catalogue page, the site's search and the home
page. ``search_catalogue(CatalogueQuery(text="Kobzar", languages=("ukr",)))``, answered by the
backend settings.CATALOGUE_SEARCH_BACKEND names (``search.backends``)."""

from plugins.opac.search.backends import backend
from plugins.opac.search.query import (
    CatalogueQuery,
    CatalogueResults,
    Facet,
    FacetValue,
    Sort,
    Suggestion,
    SuggestionKind,
)


def search_catalogue(query: CatalogueQuery) -> CatalogueResults:
    """One page of the records that answer ``query``, with facet counts and, when nothing is
    found, suggestions."""
    return backend().search(query)


__all__ = [
    "CatalogueQuery",
    "CatalogueResults",
    "Facet",
    "FacetValue",
    "Sort",
    "Suggestion",
    "SuggestionKind",
    "search_catalogue",
]
