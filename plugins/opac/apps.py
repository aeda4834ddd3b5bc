from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpacConfig(AppConfig):
    """The local copy of Koha's catalogue and what readers add to it."""

    name = "plugins.opac"
    label = "opac"
    verbose_name = _("Catalogue")

    def ready(self) -> None:
        from django.utils.translation import get_language

        from plugins.comments import registry
        from plugins.comments.contributions import register_source
        from plugins.opac.account import FOR_YOU_SECTION, RATINGS_SECTION
        from plugins.opac.acquisitions.account import SUGGESTIONS_SECTION
        from plugins.opac.models import CatalogueRecord
        from plugins.opac.moderation import TagSource
        from plugins.opac.record_urls import record_url
        from plugins.opac.review_account import REVIEWS_SECTION
        from plugins.opac.shelf_account import SHELVES_SECTION
        from plugins.opac.tag_account import TAGS_SECTION
        from plugins.readers.extensions import register_account_section

        register_account_section(FOR_YOU_SECTION)
        register_account_section(RATINGS_SECTION)
        register_account_section(REVIEWS_SECTION)
        register_account_section(SHELVES_SECTION)
        register_account_section(TAGS_SECTION)
        register_account_section(SUGGESTIONS_SECTION)
        register_source(TagSource())
        # Reviews on record pages; a review's replies nest one level.
        registry.register(
            CatalogueRecord,
            url=lambda record: record_url(record.biblio_id, record.title, get_language()),
            max_thread_level=1,
        )
