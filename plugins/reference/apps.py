from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReferenceConfig(AppConfig):
    """Ask a librarian: questions and their threads, the knowledge base, live chat, feedback."""

    name = "plugins.reference"
    label = "reference"
    verbose_name = _("Ask a librarian")

    def ready(self) -> None:
        from plugins.reference import librarian_notices

        librarian_notices.connect()
