from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpacConfig(AppConfig):
    """The local copy of Koha's catalogue and what readers add to it."""

    name = "plugins.opac"
    label = "opac"
    verbose_name = _("Catalogue")
