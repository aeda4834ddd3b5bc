"""The exhibitions plugin's models, each kind in its own module."""

from plugins.exhibitions.exhibition_pages import (
    ExhibitionIndexPage,
    ExhibitionPage,
    ExhibitionRecord,
)

__all__ = ["ExhibitionIndexPage", "ExhibitionPage", "ExhibitionRecord"]
