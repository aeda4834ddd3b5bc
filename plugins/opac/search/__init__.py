"""The catalogue's search: one interface for the catalogue page, the site's search and the home
page. ``search_catalogue(CatalogueQuery(text="Kobzar", languages=("ukr",)))``."""

from plugins.opac.search.engine import search_catalogue
from plugins.opac.search.query import (
    CatalogueQuery,
    CatalogueResults,
    Facet,
    FacetValue,
    Sort,
    Suggestion,
    SuggestionKind,
)

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
