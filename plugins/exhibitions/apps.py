from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExhibitionsConfig(AppConfig):
    """Virtual exhibitions and tours: sections of blocks around catalogue items and media."""

    name = "plugins.exhibitions"
    label = "exhibitions"
    verbose_name = _("Exhibitions")
