"""The exhibitions plugin's admin hooks, each kind in its own module."""

from plugins.exhibitions import tour_hooks  # noqa: F401  (registers its hooks)
