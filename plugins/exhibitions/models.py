"""The exhibitions plugin's models, each kind in its own module."""

from plugins.exhibitions.tour_pages import TourPage

__all__ = ["TourPage"]
