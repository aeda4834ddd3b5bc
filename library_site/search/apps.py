from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search over Wagtail's search backend, in the active language."""

    name = "library_site.search"
    label = "site_search"
    verbose_name = _("Search")
