"""Items as Koha's API writes them, with what ``x-koha-embed`` asks to be embedded.

Koha's ``GET /biblios/{id}/items`` embeds, on request, the item's current loan (``checkout``), its
active transfer (``transfer``: requested or sent, neither arrived nor cancelled), the first hold on
it (``first_hold``) and the descriptions of its coded values (``+strings``, as ``_strings``). The
public route offers ``+strings`` only. An embed outside the route's list is refused with 400, as
Koha's OpenAPI validation does; listed embeds the sandbox does not model are left out.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from koha_bridge.sandbox import circulation, demo_library
from koha_bridge.sandbox.api import serialise
from koha_bridge.sandbox.api.http import Request, Response

HEADER = "x-koha-embed"
# Koha's enum for GET /biblios/{biblio_id}/items (api/v1/swagger/paths/biblios.yaml).
STAFF_EMBEDS = (
    "+strings",
    "home_library",
    "holding_library",
    "biblio.title",
    "checkout",
    "checkout.patron",
    "transfer",
    "transfer+strings",
    "first_hold",
    "first_hold+strings",
    "first_hold.patron",
    "first_hold.desk",
    "recall",
    "recall+strings",
    "recall.patron",
    "item_type",
    "in_bundle",
    "bundle_host",
    "bundle_items_lost+count",
    "bundle_items_not_lost+count",
    "course_item.course_reserves.course",
    "analytics_count",
    "cover_image_ids",
    "item_group_item.item_group.description",
    "serial_item.serial",
)
PUBLIC_EMBEDS = ("+strings",)

# Coded item values and the authorised value category that describes each, as in Koha's
# default MARC21 framework.
_CODED = {
    "lost_status": "LOST",
    "not_for_loan_status": "NOT_LOAN",
    "withdrawn": "WITHDRAWN",
    "damaged_status": "DAMAGED",
    "location": "LOC",
}


def requested(request: Request, offered: tuple[str, ...]) -> frozenset[str] | Response:
    """The embeds the request asks for, or Koha's 400 answer when one is not offered."""
    asked = frozenset(
        part.strip() for part in request.headers.get(HEADER, "").split(",") if part.strip()
    )
    refused = sorted(asked - set(offered))
    if refused:
        return Response.json(
            400,
            {
                "errors": [
                    {"message": f"Not in enum list: {', '.join(offered)}.", "path": f"/{HEADER}"}
                ],
                "status": 400,
            },
        )
    return asked


def items(db: sqlite3.Connection, rows: list[sqlite3.Row], embeds: frozenset[str]) -> list[dict]:
    """The rows as Koha's item objects, with the embeds asked for."""
    item_types = {
        row["item_type_id"]: row for row in db.execute("SELECT * FROM item_types").fetchall()
    }
    libraries = {row["library_id"]: row["name"] for row in db.execute("SELECT * FROM libraries")}
    found = []
    for row in rows:
        item = serialise.item(row)
        item_type = item_types.get(row["item_type_id"])
        if not row["not_for_loan_status"] and item_type is not None:
            item["effective_not_for_loan_status"] = item_type["not_for_loan"]
        if "checkout" in embeds:
            item["checkout"] = _checkout(db, row["item_id"])
        if "transfer" in embeds:
            item["transfer"] = _transfer(db, row["item_id"])
        if "first_hold" in embeds:
            item["first_hold"] = _first_hold(db, row["item_id"])
        if "+strings" in embeds:
            item["_strings"] = _strings(row, libraries, item_type)
        found.append(item)
    return found


def _checkout(db: sqlite3.Connection, item_id: int) -> dict | None:
    row = circulation.loan_of(db, item_id)
    return serialise.checkout(row) if row is not None else None


def _transfer(db: sqlite3.Connection, item_id: int) -> dict | None:
    """Koha's Item->get_transfer: the latest sent, else the oldest requested, still open."""
    row = db.execute(
        "SELECT * FROM transfers WHERE item_id = ? AND date_arrived IS NULL "
        "AND date_cancelled IS NULL ORDER BY date_sent IS NULL, date_sent DESC, date_requested "
        "LIMIT 1",
        (item_id,),
    ).fetchone()
    return serialise.transfer(row) if row is not None else None


def _first_hold(db: sqlite3.Connection, item_id: int) -> dict | None:
    row = db.execute(
        "SELECT * FROM holds WHERE item_id = ? ORDER BY priority, hold_id LIMIT 1", (item_id,)
    ).fetchone()
    return serialise.hold(row) if row is not None else None


def _strings(
    row: sqlite3.Row, libraries: dict[str, str], item_type: sqlite3.Row | None
) -> dict[str, Any]:
    strings: dict[str, Any] = {}
    for column in ("home_library_id", "holding_library_id"):
        if row[column] in libraries:
            strings[column] = {"str": libraries[row[column]], "type": "library"}
    if item_type is not None:
        strings["item_type_id"] = {"str": item_type["description"], "type": "item_type"}
    for column, category in _CODED.items():
        description = demo_library.AUTHORISED_VALUES.get((category, str(row[column])))
        if row[column] and description:
            strings[column] = {"str": description, "type": "av", "category": category}
    return strings
