"""The report's tables as one CSV file: each table's title, its header row, its rows, and a
blank line before the next."""

from __future__ import annotations

import csv
import io

from django.http import HttpResponse

from plugins.opac.spreadsheets import as_text_cell
from plugins.reference.report.measures import MonthlyReport


def cell(value: object) -> object:
    """What the file holds for ``value``: readers' comments are in it, kept as text."""
    return "" if value is None else as_text_cell(value)


def report_csv(report: MonthlyReport) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for number, table in enumerate(report.tables):
        if number:
            writer.writerow([])
        writer.writerow([table.title])
        writer.writerow(table.columns)
        writer.writerows([[cell(value) for value in row] for row in table.rows])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    filename = f"reference-{report.month}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
