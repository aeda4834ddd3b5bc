"""The reference service's admin hooks, one module per part."""

from plugins.reference import knowledge_hooks, librarian_hooks  # noqa: F401  (register their hooks)
from plugins.reference.chat import hooks as chat_hooks  # noqa: F401
