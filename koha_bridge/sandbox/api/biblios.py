"""/biblios: records in JSON or as MARC (MARCXML, MARC-in-JSON, ISO 2709, text), items, ratings."""

from __future__ import annotations

import json
import sqlite3

import pymarc

from koha_bridge.sandbox.api import item_embeds, serialise
from koha_bridge.sandbox.api.context import Context, list_response, paged_rows
from koha_bridge.sandbox.api.http import Request, Response
from koha_bridge.sandbox.catalogue import load_record, marc_in_json
from koha_bridge.sandbox.clock import to_api_datetime

STAFF_FORMATS = [
    "application/json",
    "application/marcxml+xml",
    "application/marc-in-json",
    "application/marc",
    "text/plain",
]
PUBLIC_FORMATS = STAFF_FORMATS[1:]


def negotiate(request: Request, offered: list[str]) -> str | None:
    """The first offered type the Accept header names; ``*/*`` takes the first offered."""
    accepted = [part.split(";")[0].strip().lower() for part in request.accepts().split(",")]
    for media_type in accepted:
        if media_type in offered:
            return media_type
    if "*/*" in accepted or not accepted:
        return offered[0]
    return None


def _marcxml(records: list[pymarc.Record], collection: bool) -> str:
    body = "".join(
        pymarc.record_to_xml(record, namespace=True).decode("utf-8") for record in records
    )
    header = '<?xml version="1.0" encoding="UTF-8"?>\n'
    if not collection:
        return header + body
    return f'{header}<collection xmlns="http://www.loc.gov/MARC21/slim">{body}</collection>'


def render_marc(rows: list[sqlite3.Row], media_type: str, collection: bool) -> Response:
    if media_type == "application/marc-in-json":
        data = [marc_in_json(row["marc"]) for row in rows]
        body = json.dumps(data if collection else data[0], ensure_ascii=False).encode()
        return Response(200, body, [("Content-Type", media_type + ";charset=UTF-8")])
    records = [load_record(row) for row in rows]
    if media_type == "application/marcxml+xml":
        body = _marcxml(records, collection).encode()
    elif media_type == "application/marc":
        body = b"".join(record.as_marc() for record in records)
    else:
        body = "\n".join(str(record) for record in records).encode()
    charset = "" if media_type == "application/marc" else ";charset=UTF-8"
    return Response(200, body, [("Content-Type", media_type + charset)])


def get_biblio(ctx: Context, request: Request, biblio_id: int) -> Response:
    return _one(ctx, request, biblio_id, STAFF_FORMATS)


def get_public_biblio(ctx: Context, request: Request, biblio_id: int) -> Response:
    return _one(ctx, request, biblio_id, PUBLIC_FORMATS)


def _one(ctx: Context, request: Request, biblio_id: int, offered: list[str]) -> Response:
    with ctx.store.reading() as db:
        row = db.execute("SELECT * FROM biblios WHERE biblio_id = ?", (biblio_id,)).fetchone()
    if row is None:
        return Response.error(404, "Bibliographic record not found", "not_found")
    media_type = negotiate(request, offered)
    if media_type is None:
        return Response.json(406, offered)
    if media_type == "application/json":
        return Response.json(200, serialise.biblio(row))
    return render_marc([row], media_type, collection=False)


def list_biblios(ctx: Context, request: Request) -> Response:
    media_type = negotiate(request, STAFF_FORMATS)
    if media_type is None:
        return Response.json(406, STAFF_FORMATS)
    with ctx.store.reading() as db:
        rows, headers = paged_rows(
            db,
            request,
            table="biblios",
            columns=serialise.BIBLIO_COLUMNS,
            default_order="biblio_id",
        )
    if media_type == "application/json":
        return Response.json(200, [serialise.biblio(row) for row in rows], headers)
    response = render_marc(rows, media_type, collection=True) if rows else _empty(media_type)
    response.headers.extend(headers)
    return response


def _empty(media_type: str) -> Response:
    bodies = {
        "application/marc-in-json": b"[]",
        "application/marcxml+xml": b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<collection xmlns="http://www.loc.gov/MARC21/slim"></collection>',
    }
    return Response(200, bodies.get(media_type, b""), [("Content-Type", media_type)])


def biblio_items(ctx: Context, request: Request, biblio_id: int) -> Response:
    return _items_of(ctx, request, biblio_id, item_embeds.STAFF_EMBEDS)


def public_biblio_items(ctx: Context, request: Request, biblio_id: int) -> Response:
    return _items_of(ctx, request, biblio_id, item_embeds.PUBLIC_EMBEDS)


def _items_of(ctx: Context, request: Request, biblio_id: int, offered: tuple[str, ...]) -> Response:
    embeds = item_embeds.requested(request, offered)
    if isinstance(embeds, Response):
        return embeds
    with ctx.store.reading() as db:
        if db.execute("SELECT 1 FROM biblios WHERE biblio_id = ?", (biblio_id,)).fetchone() is None:
            return Response.error(404, "Bibliographic record not found", "not_found")
        rows, headers = paged_rows(
            db,
            request,
            table="items",
            columns=serialise.ITEM_COLUMNS,
            default_order="item_id",
            fixed=("biblio_id = ?", [biblio_id]),
        )
        return Response.json(200, item_embeds.items(db, rows, embeds), headers)


def set_rating(ctx: Context, request: Request, biblio_id: int) -> Response:
    if request.user is None:
        return Response.error(403, "Cannot rate. Reason: must be logged-in")
    try:
        body = request.json()
        value = body.get("rating") if isinstance(body, dict) else None
    except ValueError:
        return Response.invalid("Expected object", "/body")
    if value is not None and (
        not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 5
    ):
        return Response.invalid("Expected integer 0-5 or null", "/body/rating")
    patron_id = request.user["patron_id"]
    with ctx.store.transaction() as db:
        if db.execute("SELECT 1 FROM biblios WHERE biblio_id = ?", (biblio_id,)).fetchone() is None:
            return Response.error(404, "Bibliographic record not found", "not_found")
        db.execute(
            "DELETE FROM ratings WHERE biblio_id = ? AND patron_id = ?", (biblio_id, patron_id)
        )
        if value:
            db.execute(
                "INSERT INTO ratings (biblio_id, patron_id, rating_value, timestamp) "
                "VALUES (?, ?, ?, ?)",
                (biblio_id, patron_id, value, to_api_datetime(ctx.clock())),
            )
        summary = db.execute(
            "SELECT AVG(rating_value) AS average, COUNT(*) AS count FROM ratings "
            "WHERE biblio_id = ?",
            (biblio_id,),
        ).fetchone()
    average = round(summary["average"], 1) if summary["average"] is not None else 0
    return Response.json(
        200, {"rating": value or None, "average": average, "count": summary["count"]}
    )


def pickup_locations(ctx: Context, request: Request, biblio_id: int) -> Response:
    """The libraries where this patron may collect a hold on the record (each with Koha's
    ``needs_override``: false, as no hold policy of the sandbox limits pickup)."""
    raw = request.query.get("patron_id")
    if raw in (None, ""):
        return Response.invalid("Missing property.", "/query/patron_id")
    if not raw.isdigit():
        return Response.invalid("Expected integer - got string.", "/query/patron_id")
    with ctx.store.reading() as db:
        if db.execute("SELECT 1 FROM biblios WHERE biblio_id = ?", (biblio_id,)).fetchone() is None:
            return Response.error(404, "Bibliographic record not found", "not_found")
        if db.execute("SELECT 1 FROM patrons WHERE patron_id = ?", (int(raw),)).fetchone() is None:
            return Response.error(400, "Patron not found")
    return list_response(
        ctx,
        request,
        table="libraries",
        columns=serialise.LIBRARY_COLUMNS,
        default_order="library_id",
        to_api=lambda row: {**serialise.library(row), "needs_override": False},
        params=request.query.without("patron_id"),
        fixed=("pickup_location = 1", []),
    )
