"""Librarians' report exports that hold readers' words (suggested titles, searches, comments):
text a spreadsheet would run as a formula (OWASP "CSV injection") is written as text.

Wagtail's XLSX export already turns formulas back into strings; its CSV export does not.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text_cell(value: object) -> object:
    """``value`` for a CSV cell: text that would start a formula is quoted with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeCsvMixin:
    """For a Wagtail ReportView (SpreadsheetExportMixin): CSV cells as ``as_text_cell`` has them."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return as_text_cell(value) if export_format == self.FORMAT_CSV else value
