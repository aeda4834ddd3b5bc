"""/suggestions: purchase suggestions, listed and added as Koha's staff API does
(permission suggestions_manage; the body checked against Koha's suggestion definition)."""

from __future__ import annotations

import sqlite3
from typing import Any

from koha_bridge.sandbox import suggestions
from koha_bridge.sandbox.api.context import Context, list_response
from koha_bridge.sandbox.api.http import InvalidBody, Request, Response
from koha_bridge.sandbox.api.patrons import is_date

_INT, _STR, _NUM, _BOOL, _NULL = (int,), (str,), (int, float), (bool,), (type(None),)
# Koha's suggestion definition: each property's JSON types (suggestion_id is read-only).
FIELDS: dict[str, tuple[type, ...]] = {
    "suggested_by": _INT + _NULL,
    "suggestion_date": _STR,
    "managed_by": _INT + _NULL,
    "managed_date": _STR + _NULL,
    "accepted_by": _INT + _NULL,
    "accepted_date": _STR + _NULL,
    "rejected_by": _INT + _NULL,
    "rejected_date": _STR + _NULL,
    "last_status_change_by": _INT + _NULL,
    "last_status_change_date": _STR + _NULL,
    "status": _STR,
    "note": _STR + _NULL,
    "staff_note": _STR + _NULL,
    "author": _STR + _NULL,
    "title": _STR + _NULL,
    "copyright_date": _INT + _NULL,
    "publisher_code": _STR + _NULL,
    "timestamp": _STR + _NULL,
    "volume_desc": _STR + _NULL,
    "publication_year": _STR + _NULL,
    "publication_place": _STR + _NULL,
    "isbn": _STR + _NULL,
    "biblio_id": _INT + _NULL,
    "reason": _STR + _NULL,
    "patron_reason": _STR + _NULL,
    "budget_id": _INT + _NULL,
    "library_id": _STR + _NULL,
    "collection_title": _STR + _NULL,
    "item_type": _STR + _NULL,
    "quantity": _STR + _NULL,
    "currency": _STR + _NULL,
    "item_price": _NUM + _NULL,
    "total_price": _STR + _NULL,
    "archived": _BOOL + _NULL,
}
DATES = ("suggestion_date", "managed_date", "accepted_date", "rejected_date")
COLUMNS = {"suggestion_id": "suggestion_id", **{name: name for name in FIELDS}}
OVERRIDES = frozenset({"any", "max_total", "max_pending"})


def suggestion(row: sqlite3.Row) -> dict[str, Any]:
    """A suggestion as Koha's to_api writes it."""
    answer = {name: row[name] for name in COLUMNS}
    answer["archived"] = bool(row["archived"])
    return answer


def list_suggestions(ctx: Context, request: Request) -> Response:
    return list_response(
        ctx,
        request,
        table="suggestions",
        columns=COLUMNS,
        default_order="suggestion_id",
        to_api=suggestion,
    )


def add_suggestion(ctx: Context, request: Request) -> Response:
    """Koha's Suggestions#add: 201 with the suggestion and its Location; 400 for a body that
    breaks the definition or a patron over Koha's limits (x-koha-override lifts them)."""
    body = _checked_body(request)
    now = ctx.clock()
    overrides = {v.strip() for v in request.headers.get("x-koha-override", "").split(",")}
    try:
        with ctx.store.transaction() as db:
            if body.get("suggested_by") is not None:
                suggestions.check_limits(db, body["suggested_by"], now, overrides & OVERRIDES)
            suggestion_id = suggestions.add_suggestion(db, body, now)
            row = db.execute(
                "SELECT * FROM suggestions WHERE suggestion_id = ?", (suggestion_id,)
            ).fetchone()
    except suggestions.LimitReached as limit:
        return Response.error(400, str(limit), limit.code)
    except (suggestions.StatusForbidden, suggestions.UnknownPatron):
        # Koha's controller leaves both to unhandled_exception.
        return Response.error(500, "Something went wrong, check the logs.", "internal_server_error")
    return Response.json(201, suggestion(row), [("Location", f"{request.path}/{suggestion_id}")])


def _checked_body(request: Request) -> dict[str, Any]:
    body = request.json_object(frozenset(COLUMNS))
    if "suggestion_id" in body:
        raise InvalidBody("Read-only.", "/body/suggestion_id")
    for name, value in body.items():
        types = FIELDS[name]
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            raise InvalidBody("Expected another type.", f"/body/{name}")
    for name in DATES:
        if isinstance(body.get(name), str) and not is_date(body[name]):
            raise InvalidBody("Does not match date format.", f"/body/{name}")
    return body
