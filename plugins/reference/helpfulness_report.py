"""Reports → "Knowledge base: helpfulness": every entry with how many readers found it helpful
and how many did not, the least helpful first, with CSV and XLSX exports (Wagtail's ReportView).
Only users with ``reference.view_reference_report`` see it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from plugins.opac.spreadsheets import FormulaSafeCsvMixin
from plugins.reference.models import FaqEntryPage

PERMISSION = "reference.view_reference_report"
URL_NAME = "reference_helpfulness_report"


class HelpfulnessReportView(FormulaSafeCsvMixin, ReportView):
    page_title = _("Knowledge base: helpfulness")
    header_icon = "help"
    index_url_name = URL_NAME
    list_export = ["title", "locale.language_code", "helpful", "not_helpful", "live"]
    export_headings = {
        "title": _("Question"),
        "locale.language_code": _("Language"),
        "helpful": _("Helpful"),
        "not_helpful": _("Not helpful"),
        "live": _("Published"),
    }
    columns = [
        TitleColumn("title", label=_("Question"), url_name="wagtailadmin_pages:edit"),
        Column("language", label=_("Language"), accessor="locale.language_code"),
        Column("helpful", label=_("Helpful")),
        Column("not_helpful", label=_("Not helpful")),
    ]

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return (
            FaqEntryPage.objects.select_related("locale")
            .annotate(
                helpful=Count("votes", filter=Q(votes__helpful=True)),
                not_helpful=Count("votes", filter=Q(votes__helpful=False)),
            )
            .order_by(F("not_helpful").desc(), "title", "pk")
        )
