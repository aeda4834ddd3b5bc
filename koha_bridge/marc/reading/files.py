"""MARC files in any of the three formats, the format told by the file's first bytes."""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from enum import StrEnum
from typing import BinaryIO

import pymarc

from koha_bridge.marc.reading.failure import ReadFailure
from koha_bridge.marc.reading.iso2709 import records_from_iso2709
from koha_bridge.marc.reading.marc_in_json import records_from_marc_in_json_file
from koha_bridge.marc.reading.marcxml import records_from_marcxml

_BYTE_ORDER_MARKS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_HEAD = 64


class MarcFormat(StrEnum):
    ISO2709 = "iso2709"
    MARCXML = "marcxml"
    MARC_IN_JSON = "marc-in-json"


def sniff_format(head: bytes) -> MarcFormat:
    """The format a file opening with these bytes is in: XML opens with "<", JSON with "[" or
    "{" (after white space and a byte order mark), ISO 2709 with its record length."""
    for mark in _BYTE_ORDER_MARKS:
        if head.startswith(mark):
            if mark != _BYTE_ORDER_MARKS[0]:
                return MarcFormat.MARCXML  # UTF-16: XML declares it; MARC-in-JSON never is
            head = head.removeprefix(mark)
    first = head.lstrip(b" \t\r\n")[:1]
    if first == b"<":
        return MarcFormat.MARCXML
    if first in (b"[", b"{"):
        return MarcFormat.MARC_IN_JSON
    return MarcFormat.ISO2709


def records_from_file(
    file: BinaryIO, format: MarcFormat | None = None, encoding: str | None = None
) -> Iterator[pymarc.Record | ReadFailure]:
    """The file's records one by one as it is read, in ``format`` or the one its bytes show.

    ``encoding`` decodes ISO 2709 data instead of what records declare, MARCXML instead of
    its declaration, MARC-in-JSON instead of UTF-8. Raises LookupError at once for an encoding
    Python does not know.
    """
    if not isinstance(file, io.BufferedReader):
        file = io.BufferedReader(file)
    format = format or sniff_format(file.peek(_HEAD)[:_HEAD])
    if format is MarcFormat.MARCXML:
        return records_from_marcxml(file, _known(encoding))
    if format is MarcFormat.MARC_IN_JSON:
        return records_from_marc_in_json_file(file, _known(encoding) or "utf-8")
    return records_from_iso2709(file, encoding)


def _known(encoding: str | None) -> str | None:
    return codecs.lookup(encoding).name if encoding else None
