"""Topics and canned answers as snippets under one "Ask a librarian" menu group; both are
translatable, so wagtail-localize offers "Translate" on each."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from plugins.reference.models import CannedAnswer, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "sort_order"]
    ordering = ["sort_order", "name"]


class CannedAnswerViewSet(SnippetViewSet):
    model = CannedAnswer
    icon = "openquote"
    list_display = ["title"]
    search_fields = ["title", "body"]


class ReferenceSnippets(SnippetViewSetGroup):
    menu_label = _("Reference service")
    menu_icon = "help"
    menu_order = 230
    items = (TopicViewSet, CannedAnswerViewSet)
