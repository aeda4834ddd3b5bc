"""The monthly report in the Wagtail admin (Reports → Reference service), for those with
``reference.view_reference_report``: ``?month=2026-11`` (the last full month by default),
``&export=csv`` for its tables as a file."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from plugins.reference.librarian_access import REPORT, refused
from plugins.reference.report.chart import day_chart
from plugins.reference.report.csv import report_csv
from plugins.reference.report.measures import monthly_report
from plugins.reference.report.months import last_full_month, parse_month

URL_NAME = "reference_report"


def report(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(REPORT):
        return refused(request)
    asked_for = request.GET.get("month", "")
    month = parse_month(asked_for) if asked_for else last_full_month()
    error = ""
    if month is None:
        error = _("“%(month)s” is no month: give it as year and month, like 2026-11.") % {
            "month": asked_for
        }
        month = last_full_month()
    figures = monthly_report(month)
    if request.GET.get("export") == "csv" and not error:
        return report_csv(figures)
    return TemplateResponse(
        request,
        "reference/admin/report.html",
        {
            "report": figures,
            "month": month,
            "error": error,
            "chart": day_chart(figures.per_day),
            "tables": {table.key: table for table in figures.tables},
        },
        status=400 if error else 200,
    )
