"""/checkouts and /holds: availability with confirmation tokens, checkout, renewal, holds."""

from __future__ import annotations

import sqlite3

from koha_bridge.sandbox import circulation
from koha_bridge.sandbox.api import serialise, tokens
from koha_bridge.sandbox.api.context import Context, list_response
from koha_bridge.sandbox.api.http import Request, Response
from koha_bridge.sandbox.errors import (
    BadRequest,
    CheckoutRefused,
    ConfirmationRequired,
    HoldRefused,
    NotFound,
    RenewalRefused,
)
from koha_bridge.sandbox.rules import Scope, effective_rule


def _int_param(request: Request, name: str) -> int | None:
    raw = request.query.get(name)
    try:
        return int(raw) if raw not in (None, "") else None
    except ValueError:
        return None


def list_checkouts(ctx: Context, request: Request) -> Response:
    checked_in = (request.query.get("checked_in") or "").lower() in ("1", "true")
    table = "old_checkouts" if checked_in else "checkouts"
    columns = dict(serialise.CHECKOUT_COLUMNS)
    if not checked_in:
        columns.pop("checkin_date")
    return list_response(
        ctx,
        request,
        table=table,
        columns=columns,
        default_order="checkout_id",
        to_api=serialise.checkout,
        params=request.query.without("checked_in"),
    )


def get_checkout(ctx: Context, request: Request, checkout_id: int) -> Response:
    with ctx.store.reading() as db:
        row = _find_checkout(db, checkout_id)
    if row is None:
        return Response.error(404, "Checkout not found", "not_found")
    return Response.json(200, serialise.checkout(row))


def _find_checkout(db: sqlite3.Connection, checkout_id: int) -> sqlite3.Row | None:
    row = db.execute("SELECT * FROM checkouts WHERE checkout_id = ?", (checkout_id,)).fetchone()
    if row is None:
        row = db.execute(
            "SELECT * FROM old_checkouts WHERE checkout_id = ?", (checkout_id,)
        ).fetchone()
    return row


def availability(ctx: Context, request: Request) -> Response:
    patron_id, item_id = _int_param(request, "patron_id"), _int_param(request, "item_id")
    if patron_id is None or item_id is None:
        return Response.invalid("Missing property.", "/query/patron_id")
    with ctx.store.transaction() as db:
        try:
            found = circulation.availability(db, patron_id, item_id, ctx.clock())
        except NotFound as missing:
            return Response.error(404, str(missing), "not_found")
        codes = [key for key in found.confirms]
        user_id = request.user["patron_id"] if request.user is not None else None
        token = tokens.generate(db, tokens.confirmation_id(user_id, item_id, codes))
    return Response.json(
        200,
        {
            "blockers": found.blockers,
            "confirms": found.confirms,
            "warnings": found.warnings,
            "confirmation_token": token,
        },
    )


def add_checkout(ctx: Context, request: Request) -> Response:
    try:
        body = request.json()
        patron_id, item_id = int(body["patron_id"]), int(body["item_id"])
    except (ValueError, KeyError, TypeError):
        return Response.invalid("Expected patron_id and item_id", "/body")
    now = ctx.clock()
    with ctx.store.transaction() as db:
        if db.execute("SELECT 1 FROM items WHERE item_id = ?", (item_id,)).fetchone() is None:
            return Response.error(409, "Item not found", "ITEM_NOT_FOUND")
        if db.execute("SELECT 1 FROM patrons WHERE patron_id = ?", (patron_id,)).fetchone() is None:
            return Response.error(409, "Patron not found", "PATRON_NOT_FOUND")
        found = circulation.availability(db, patron_id, item_id, now)
        if found.blockers:
            return Response.error(403, str(CheckoutRefused(found.blockers)))
        confirmed = False
        if found.confirms:
            token = request.query.get("confirmation")
            user_id = request.user["patron_id"] if request.user is not None else None
            claim = tokens.confirmation_id(user_id, item_id, list(found.confirms))
            confirmed = bool(token) and tokens.check(db, token, claim)
            if not confirmed:
                return Response.error(412, "Confirmation error")
        try:
            checkout_id = circulation.checkout(
                db,
                patron_id=patron_id,
                item_id=item_id,
                when=now,
                library_id=body.get("library_id"),
                issuer_id=request.user["patron_id"] if request.user is not None else None,
                confirmed=confirmed,
                found=found,
            )
        except (CheckoutRefused, ConfirmationRequired) as refused:
            return Response.error(403, str(refused))
        row = _find_checkout(db, checkout_id)
    # Koha's Location is the request's own URL, relative, with the new id after it.
    return Response.json(
        201, serialise.checkout(row), [("Location", f"{request.path}/{checkout_id}")]
    )


def renew_checkout(ctx: Context, request: Request, checkout_id: int) -> Response:
    with ctx.store.transaction() as db:
        try:
            circulation.renew(db, checkout_id, ctx.clock())
        except NotFound:
            return Response.error(404, "Checkout not found", "not_found")
        except RenewalRefused as refused:
            return Response.error(403, str(refused), refused.reason)
        row = _find_checkout(db, checkout_id)
    return Response.json(201, serialise.checkout(row), [("Location", request.path)])


def allows_renewal(ctx: Context, request: Request, checkout_id: int) -> Response:
    with ctx.store.reading() as db:
        row = db.execute("SELECT * FROM checkouts WHERE checkout_id = ?", (checkout_id,)).fetchone()
        if row is None:
            return Response.error(404, "Checkout not found", "not_found")
        allowed, error = circulation.can_renew(db, row, ctx.clock())
        patron = circulation.get_patron(db, row["patron_id"])
        item = circulation.get_item(db, row["item_id"])
        scope = Scope(item["home_library_id"] or "*", patron["category_id"], item["item_type_id"])
        maximum = int(effective_rule(db, scope, "renewalsallowed"))
    return Response.json(
        200,
        {
            "allows_renewal": allowed,
            "max_renewals": maximum,
            "current_renewals": row["renewals_count"],
            "unseen_renewals": row["unseen_renewals"],
            "error": error,
        },
    )


def list_holds(ctx: Context, request: Request) -> Response:
    return list_response(
        ctx,
        request,
        table="holds",
        columns=serialise.HOLD_COLUMNS,
        default_order="hold_id",
        to_api=serialise.hold,
    )


def patron_holds(ctx: Context, request: Request, patron_id: int) -> Response:
    with ctx.store.reading() as db:
        if db.execute("SELECT 1 FROM patrons WHERE patron_id = ?", (patron_id,)).fetchone() is None:
            return Response.error(404, "Patron not found", "not_found")
    return list_response(
        ctx,
        request,
        table="holds",
        columns=serialise.HOLD_COLUMNS,
        default_order="hold_id",
        to_api=serialise.hold,
        fixed=("patron_id = ?", [patron_id]),
    )


def add_hold(ctx: Context, request: Request) -> Response:
    try:
        body = request.json()
        if not isinstance(body, dict):
            raise TypeError
        patron_id = int(body["patron_id"])
        pickup = str(body["pickup_library_id"])
        biblio_id = int(body["biblio_id"]) if body.get("biblio_id") is not None else None
        item_id = int(body["item_id"]) if body.get("item_id") is not None else None
    except (ValueError, KeyError, TypeError):
        return Response.invalid("Expected patron_id and pickup_library_id", "/body")
    with ctx.store.transaction() as db:
        if db.execute("SELECT 1 FROM patrons WHERE patron_id = ?", (patron_id,)).fetchone() is None:
            return Response.error(400, "patron_id not found")
        try:
            hold_id = circulation.place_hold(
                db,
                patron_id=patron_id,
                pickup_library_id=pickup,
                when=ctx.clock(),
                biblio_id=biblio_id,
                item_id=item_id,
                expiration_date=body.get("expiration_date"),
                notes=body.get("notes"),
                non_priority=bool(body.get("non_priority")),
            )
        except NotFound as missing:
            if missing.what == "Item":
                return Response.error(404, "item_id not found.")
            return Response.json(400, "Biblio not found.")
        except BadRequest as wrong:
            return Response.error(400, str(wrong))
        except HoldRefused as refused:
            return Response.error(403, str(refused))
        row = db.execute("SELECT * FROM holds WHERE hold_id = ?", (hold_id,)).fetchone()
    return Response.json(201, serialise.hold(row), [("Location", f"{request.path}/{hold_id}")])


def delete_hold(ctx: Context, request: Request, hold_id: int) -> Response:
    with ctx.store.transaction() as db:
        try:
            circulation.cancel_hold(db, hold_id, ctx.clock())
        except NotFound:
            return Response.error(404, "Hold not found", "not_found")
    return Response.empty(204)
