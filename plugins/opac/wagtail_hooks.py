"""Librarians' part of readers' tags in the Wagtail admin: every term with its status and use,
filtered to those waiting, approved or rejected from the list; and the acquisitions report
under Reports."""

from django.db.models import Count
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from plugins.opac.acquisitions.report import PERMISSION, URL_NAME, AcquisitionsReportView
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


class AcquisitionsReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def acquisitions_report_urls():
    return [path("reports/acquisitions/", AcquisitionsReportView.as_view(), name=URL_NAME)]


@hooks.register("register_reports_menu_item")
def acquisitions_report_menu_item():
    return AcquisitionsReportMenuItem(
        _("Acquisitions"),
        reverse(URL_NAME),
        name="acquisitions",
        icon_name="clipboard-list",
        order=900,
    )


@hooks.register("register_admin_viewset")
def register_record_chooser():
    from plugins.opac.record_chooser import record_chooser_viewset

    return record_chooser_viewset
