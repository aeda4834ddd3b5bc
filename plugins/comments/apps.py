from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    """Comments for any model of the site, wired once over django-comments-xtd."""

    name = "plugins.comments"
    label = "comments"
    verbose_name = _("Comments")
