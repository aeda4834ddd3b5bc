from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    """Comments for any model of the site, wired once over django-comments-xtd."""

    name = "plugins.comments"
    label = "comments"
    verbose_name = _("Comments")

    def ready(self) -> None:
        from plugins.comments import signals
        from plugins.comments.comment_source import CommentSource
        from plugins.comments.contributions import register_source

        signals.connect()
        register_source(CommentSource())
