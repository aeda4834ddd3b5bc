from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Multilingual demo content and the one-command demo."""

    name = "library_site.demo"
    label = "demo"
    verbose_name = _("Demo")
