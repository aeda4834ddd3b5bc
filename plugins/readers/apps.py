from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReadersConfig(AppConfig):
    """Reader accounts, the Koha card linked to one, and what the reader does with it."""

    name = "plugins.readers"
    label = "readers"
    verbose_name = _("Readers")
