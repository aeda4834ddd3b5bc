"""Librarians' part of readers' tags in the Wagtail admin: every term with its status and use,
filtered to those waiting, approved or rejected from the list."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from plugins.opac.models import TagTerm


class TagTermViewSet(SnippetViewSet):
    model = TagTerm
    icon = "tag"
    menu_label = _("Readers’ tags")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["term", "status", Column("uses", label=_("Times given"))]
    list_filter = ["status"]
    search_fields = ["term"]
    ordering = ["status", "key"]
    panels = [FieldPanel("term"), FieldPanel("status")]

    def get_queryset(self, request):
        return TagTerm.objects.annotate(uses=Count("taggings"))


register_snippet(TagTermViewSet)
