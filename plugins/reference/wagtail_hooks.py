"""The reference service in the Wagtail admin: each part registers its own hooks."""

from plugins.reference.chat import hooks as chat_hooks  # noqa: F401
