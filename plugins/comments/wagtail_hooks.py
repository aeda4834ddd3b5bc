from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from plugins.comments.models import BadWords


class BadWordsViewSet(SnippetViewSet):
    model = BadWords
    icon = "warning"
    menu_label = BadWords._meta.verbose_name_plural
    list_display = ["language"]


register_snippet(BadWordsViewSet)
