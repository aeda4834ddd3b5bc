"""The reference service's admin, one module per part."""

from plugins.reference import librarian_hooks  # noqa: F401
