from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """The library's events: pages per language, their calendar (iCalendar) and feeds."""

    name = "plugins.events"
    label = "events"
    verbose_name = _("Events")
