from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Pages, blocks and library-wide settings shared by the whole site."""

    name = "library_site.core"
    label = "core"
    verbose_name = _("Site")

    def ready(self) -> None:
        from library_site.core import feed_warmup, site_changes

        site_changes.connect()  # first: a publish forgets kept pages before feeds are warmed
        feed_warmup.connect()
