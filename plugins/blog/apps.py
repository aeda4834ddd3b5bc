from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    """The library's blog: Puput's pages made multilingual, authors and the quote of the week."""

    name = "plugins.blog"
    label = "blog"
    verbose_name = _("Blog")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from puput.models import BlogPage, EntryPage

        from plugins.blog import comment_counts
        from plugins.blog.models import BlogEntryPage
        from plugins.comments import registry

        # Editors make this plugin's per-language blog and posts, never Puput's own page types
        # (their subclasses here keep Wagtail's is_creatable of their own).
        BlogPage.is_creatable = EntryPage.is_creatable = False
        comment_counts.connect()
        registry.register(BlogEntryPage, url=lambda entry: entry.url, max_thread_level=2)
