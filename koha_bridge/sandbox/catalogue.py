"""Bibliographic records and items in the sandbox: MARC in, Koha's columns kept beside it."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pymarc

from koha_bridge.marc import Flavour, normalise
from koha_bridge.sandbox.clock import to_api_datetime


def _biblio_id_field(record: pymarc.Record, flavour: Flavour, biblio_id: int) -> None:
    """Write the biblionumber where Koha keeps it: MARC21 999$c/$d, UNIMARC 090$a."""
    if flavour is Flavour.MARC21:
        record.remove_fields("999")
        record.add_ordered_field(
            pymarc.Field(
                tag="999",
                indicators=pymarc.Indicators(" ", " "),
                subfields=[
                    pymarc.Subfield("c", str(biblio_id)),
                    pymarc.Subfield("d", str(biblio_id)),
                ],
            )
        )
    else:
        record.remove_fields("090")
        record.add_ordered_field(
            pymarc.Field(
                tag="090",
                indicators=pymarc.Indicators(" ", " "),
                subfields=[pymarc.Subfield("a", str(biblio_id))],
            )
        )
    record.remove_fields("001")
    record.add_ordered_field(pymarc.Field(tag="001", data=str(biblio_id)))


def save_biblio(
    db: sqlite3.Connection,
    record: pymarc.Record,
    flavour: Flavour,
    when: datetime,
    biblio_id: int | None = None,
) -> int:
    """Add (or replace) a record; Koha's biblio columns are derived from the MARC."""
    if biblio_id is None:
        biblio_id = db.execute("SELECT COALESCE(MAX(biblio_id), 0) + 1 FROM biblios").fetchone()[0]
    _biblio_id_field(record, flavour, biblio_id)
    record.leader = record.leader[:9] + "a" + record.leader[10:]  # stored as UTF-8
    summary = normalise(record, flavour, biblio_id)
    stamp = to_api_datetime(when)
    author = summary.authors[0].name if summary.authors else None
    db.execute(
        """INSERT INTO biblios (biblio_id, schema, marc, title, subtitle, author, isbn, issn,
           publisher, publication_year, creation_date, timestamp)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (biblio_id) DO UPDATE SET schema = excluded.schema, marc = excluded.marc,
           title = excluded.title, subtitle = excluded.subtitle, author = excluded.author,
           isbn = excluded.isbn, issn = excluded.issn, publisher = excluded.publisher,
           publication_year = excluded.publication_year, timestamp = excluded.timestamp""",
        (
            biblio_id,
            flavour.value,
            record.as_marc(),
            summary.title,
            summary.subtitle or None,
            author,
            " | ".join(summary.isbns) or None,
            " | ".join(summary.issns) or None,
            summary.publisher or None,
            summary.year,
            stamp,
            stamp,
        ),
    )
    return biblio_id


def load_record(row: sqlite3.Row) -> pymarc.Record:
    """The stored MARC of a biblios row as a pymarc record."""
    return pymarc.Record(data=row["marc"], to_unicode=True, force_utf8=True)


_LEADER_LENGTH = 24
_ENTRY_LENGTH = 12


def marc_in_json(marc: bytes) -> dict:
    """The stored MARC of a biblios row (UTF-8 ISO 2709, as ``save_biblio`` writes it) as
    MARC-in-JSON, read straight off its directory: what ``load_record(row).as_dict()`` gives,
    without building pymarc's objects, which cost a catalogue sync more than its own work."""
    leader = marc[:_LEADER_LENGTH].decode("ascii")
    base = int(marc[12:17])
    directory = marc[_LEADER_LENGTH : base - 1]
    if (
        len(leader) != _LEADER_LENGTH
        or not 0 < base < len(marc)
        or len(marc) < int(leader[:5])
        or not directory
        or len(directory) % _ENTRY_LENGTH
    ):
        raise ValueError(f"not an ISO 2709 record: {marc[:40]!r}")
    fields: list[dict] = []
    for entry in range(0, len(directory), _ENTRY_LENGTH):
        tag = directory[entry : entry + 3].decode("ascii")
        start = base + int(directory[entry + 7 : entry + 12])
        data = marc[start : start + int(directory[entry + 3 : entry + 7]) - 1].decode("utf-8")
        if tag < "010" and tag.isdigit():
            fields.append({tag: data})
            continue
        indicators, *subfields = data.split("\x1f")
        fields.append(
            {
                tag: {
                    "ind1": indicators[0:1] or " ",
                    "ind2": indicators[1:2] or " ",
                    "subfields": [{text[0]: text[1:]} for text in subfields if text],
                }
            }
        )
    return {"leader": leader, "fields": fields}


def add_item(
    db: sqlite3.Connection,
    *,
    biblio_id: int,
    barcode: str,
    library_id: str,
    item_type_id: str,
    when: datetime,
    callnumber: str | None = None,
    location: str | None = None,
    replacement_price: float | None = None,
    not_for_loan: int = 0,
) -> int:
    stamp = to_api_datetime(when)
    cursor = db.execute(
        """INSERT INTO items (biblio_id, external_id, home_library_id, holding_library_id,
           item_type_id, callnumber, location, not_for_loan_status, acquisition_date,
           replacement_price, last_seen_date, timestamp)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            biblio_id,
            barcode,
            library_id,
            library_id,
            item_type_id,
            callnumber,
            location,
            not_for_loan,
            when.date().isoformat(),
            replacement_price,
            stamp,
            stamp,
        ),
    )
    return cursor.lastrowid
