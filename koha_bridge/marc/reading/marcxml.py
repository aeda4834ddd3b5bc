"""MARCXML: a single <record> or a <collection>, read with pymarc's SAX handler."""

from __future__ import annotations

import io
import xml.sax
from xml.sax.handler import feature_external_ges, feature_external_pes, feature_namespaces
from xml.sax.xmlreader import InputSource

import pymarc
from pymarc.marcxml import XmlHandler

from koha_bridge.marc.reading.failure import ReadFailure, biblio_id_hint, describe


def records_from_marcxml(data: bytes | str) -> list[pymarc.Record | ReadFailure]:
    """The records of a MARCXML document: a single <record> or a <collection>.

    Malformed XML gives the records read before the fault and one ReadFailure.
    """
    source = InputSource()
    if isinstance(data, str):
        # Already decoded: an encoding declaration in the text must not decode it again.
        source.setCharacterStream(io.StringIO(data))
    else:
        source.setByteStream(io.BytesIO(data))
    handler = _TolerantXmlHandler()
    parser = xml.sax.make_parser()
    parser.setContentHandler(handler)
    parser.setFeature(feature_namespaces, True)
    # Records come from the network: no external entities, ever.
    parser.setFeature(feature_external_ges, False)
    parser.setFeature(feature_external_pes, False)
    try:
        parser.parse(source)
    except Exception as error:  # SAXParseException mostly; nothing may escape
        handler.results.append(ReadFailure(None, f"malformed MARCXML: {describe(error)}"))
    return handler.results


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

    def process_record(self, record: pymarc.Record) -> None:
        if self._fault:
            self.results.append(ReadFailure(biblio_id_hint(record), self._fault))
        else:
            self.results.append(record)
