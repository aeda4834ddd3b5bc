"""The exhibitions plugin's models, each kind in its own module."""

from plugins.exhibitions.exhibition_pages import (
    ExhibitionIndexPage,
    ExhibitionPage,
    ExhibitionRecord,
)
from plugins.exhibitions.tour_pages import TourPage

__all__ = ["ExhibitionIndexPage", "ExhibitionPage", "ExhibitionRecord", "TourPage"]
