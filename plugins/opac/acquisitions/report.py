"""The acquisitions report in the Wagtail admin (Reports → Acquisitions): for a period, each
measure's table with CSV and XLSX exports (Wagtail's ReportView), and readers' activity per week
as a chart. Only users with ``opac.view_acquisitions_report`` see it."""

from __future__ import annotations

from collections import OrderedDict
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.reports import ReportView

from plugins.opac.acquisitions.chart import activity_chart
from plugins.opac.acquisitions.measures import SHOWN, Measure, measure, measures
from plugins.opac.acquisitions.models import PurchaseSuggestion
from plugins.opac.acquisitions.periods import PeriodForm
from plugins.opac.spreadsheets import FormulaSafeCsvMixin

PERMISSION = "opac.view_acquisitions_report"
URL_NAME = "opac_acquisitions_report"


class AcquisitionsReportView(FormulaSafeCsvMixin, ReportView):
    page_title = _("Acquisitions")
    header_icon = "clipboard-list"
    results_template_name = "opac/reports/acquisitions_results.html"
    index_url_name = URL_NAME
    paginate_by = None

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(PERMISSION):
            # A plain 403, not Wagtail's redirect to the dashboard: the address is refused.
            return TemplateResponse(request, "opac/reports/forbidden.html", status=403)
        self.form = PeriodForm(request.GET or None)
        self.period = self.form.chosen()
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return PurchaseSuggestion.objects.none()  # the tables are the measures', below

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if self.is_export:
            return self._export(measure(request.GET.get("table", "")))
        return super().get(request, *args, **kwargs)

    def _export(self, chosen: Measure | None) -> HttpResponse:
        if chosen is None:
            return HttpResponseBadRequest(_("There is no such table in the report."))
        self.list_export = [column.key for column in chosen.columns]
        self.export_headings = {column.key: column.label for column in chosen.columns}
        self.export_filename = (
            f"acquisitions-{chosen.key}-{self.period.since:%Y%m%d}-{self.period.until:%Y%m%d}"
        )
        return self.as_spreadsheet(chosen.table(self.period, None).rows, self.request.GET["export"])

    def to_row_dict(self, item: dict) -> OrderedDict:
        return OrderedDict((key, item.get(key)) for key in self.list_export)

    def get_context_data(self, *args, **kwargs) -> dict:
        context = super().get_context_data(*args, **kwargs)
        period_query = self.period.query()
        context.update(
            period_form=self.form,
            period=self.period,
            chart=activity_chart(self.period),
            tables=[
                {
                    "measure": each,
                    "table": each.table(self.period, SHOWN),
                    "csv": self._export_url(period_query, each, "csv"),
                    "xlsx": self._export_url(period_query, each, "xlsx"),
                }
                for each in measures()
            ],
        )
        return context

    def _export_url(self, period_query: dict, chosen: Measure, kind: str) -> str:
        query = {**period_query, "table": chosen.key, "export": kind}
        return f"{reverse(URL_NAME)}?{urlencode(query)}"
