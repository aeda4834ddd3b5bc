from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExhibitionsConfig(AppConfig):
    """Virtual exhibitions and tours: sections of blocks around catalogue items and media."""

    name = "plugins.exhibitions"
    label = "exhibitions"
    verbose_name = _("Exhibitions")

    def ready(self) -> None:
        from plugins.comments import registry
        from plugins.exhibitions import exhibition_index_table
        from plugins.exhibitions.exhibition_backlinks import EXHIBITIONS_SECTION
        from plugins.exhibitions.exhibition_pages import ExhibitionPage
        from plugins.opac.record_extensions import register_record_section

        exhibition_index_table.connect()
        register_record_section(EXHIBITIONS_SECTION)
        registry.register(ExhibitionPage, url=lambda page: page.url, max_thread_level=2)
