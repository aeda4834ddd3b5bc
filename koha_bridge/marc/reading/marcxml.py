"""MARCXML: a single <record> or a <collection>, read with pymarc's SAX handler."""

from __future__ import annotations

import codecs
import io
import xml.sax
from collections.abc import Callable, Iterator
from functools import partial
from typing import BinaryIO
from xml.sax.handler import feature_external_ges, feature_external_pes, feature_namespaces

import pymarc
from pymarc.marcxml import XmlHandler

from koha_bridge.marc.reading.failure import ReadFailure, biblio_id_hint, describe

_BLOCK = 1 << 16


def records_from_marcxml(
    data: bytes | str | BinaryIO, encoding: str | None = None
) -> Iterator[pymarc.Record | ReadFailure]:
    """The records of a MARCXML document, a single <record> or a <collection>, one by one as a
    file is read.

    Bytes are decoded as the document declares, or as ``encoding`` says when it is given; text
    is already decoded and its declaration is not heeded. Malformed XML gives the records read
    before the fault and one ReadFailure.
    """
    handler = _TolerantXmlHandler()
    parser = xml.sax.make_parser()
    parser.setContentHandler(handler)
    parser.setFeature(feature_namespaces, True)
    # Records come from the network: no external entities, ever.
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    for piece in _pieces(data, encoding):
        fault = _attempt(partial(parser.feed, piece))
        yield from handler.taken()
        if fault is not None:
            yield fault
            return
    fault = _attempt(parser.close)
    yield from handler.taken()
    if fault is not None:
        yield fault


def _attempt(step: Callable[[], object]) -> ReadFailure | None:
    try:
        step()
    except Exception as error:  # SAXParseException mostly; nothing may escape
        return ReadFailure(None, f"malformed MARCXML: {describe(error)}")
    return None


def _pieces(data: bytes | str | BinaryIO, encoding: str | None) -> Iterator[bytes | str]:
    """The document in pieces: bytes for the parser to decode, or text decoded here. The first
    piece is empty, so that the parser starts even on empty input and says it is no XML."""
    if isinstance(data, str):
        yield ""
        yield from (data[start : start + _BLOCK] for start in range(0, len(data), _BLOCK))
        return
    file = io.BytesIO(data) if isinstance(data, bytes) else data
    if encoding is None:
        yield b""
        yield from iter(partial(file.read, _BLOCK), b"")
        return
    decoder = codecs.getincrementaldecoder(encoding)("replace")
    yield ""
    yield from (decoder.decode(block) for block in iter(partial(file.read, _BLOCK), b""))
    yield decoder.decode(b"", final=True)


class _TolerantXmlHandler(XmlHandler):
    """pymarc's MARCXML handler, made to note a bad record's fault and go on to the next."""

    def __init__(self) -> None:
        # Not strict: MARCXML without the MARC21 slim namespace is common enough.
        super().__init__(strict=False)
        self.results: list[pymarc.Record | ReadFailure] = []
        self._fault = ""

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs) -> None:
        if name[1] == "record":
            self._fault = ""
        try:
            super().startElementNS(name, qname, attrs)
        except Exception as error:
            self._spoil(name[1], error)

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        try:
            super().endElementNS(name, qname)
        except Exception as error:
            self._spoil(name[1], error)

    def _spoil(self, element: str, error: Exception) -> None:
        self._fault = self._fault or f"bad <{element}>: {describe(error)}"
        # Drop the element and read on, so that the biblionumber can still be found.
        self._field = None
        self._subfield_code = None

    def taken(self) -> list[pymarc.Record | ReadFailure]:
        """The records and failures read since the last time, handed over once."""
        results, self.results = self.results, []
        return results

    def process_record(self, record: pymarc.Record) -> None:
        if self._fault:
            self.results.append(ReadFailure(biblio_id_hint(record), self._fault))
        else:
            self.results.append(record)
