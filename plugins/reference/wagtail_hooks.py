"""The reference plugin's admin hooks, each part in its own module."""

from plugins.reference import knowledge_hooks  # noqa: F401  (registers its hooks)
