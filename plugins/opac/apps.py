from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpacConfig(AppConfig):
    """The local copy of Koha's catalogue and what readers add to it."""

    name = "plugins.opac"
    label = "opac"
    verbose_name = _("Catalogue")

    def ready(self) -> None:
        from plugins.opac.account import RATINGS_SECTION
        from plugins.readers.extensions import register_account_section

        register_account_section(RATINGS_SECTION)
