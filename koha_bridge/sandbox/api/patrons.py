"""/patrons: look patrons up by card number; add one; their account balance."""

from __future__ import annotations

from datetime import date

from koha_bridge.sandbox import patrons as sandbox_patrons
from koha_bridge.sandbox.api import serialise
from koha_bridge.sandbox.api.context import Context, list_response
from koha_bridge.sandbox.api.http import Request, Response


def list_patrons(ctx: Context, request: Request) -> Response:
    today = ctx.clock().date().isoformat()
    return list_response(
        ctx,
        request,
        table="patrons",
        columns=serialise.PATRON_COLUMNS,
        default_order="patron_id",
        to_api=lambda row: serialise.patron(row, today),
    )


def get_patron(ctx: Context, request: Request, patron_id: int) -> Response:
    with ctx.store.reading() as db:
        row = db.execute("SELECT * FROM patrons WHERE patron_id = ?", (patron_id,)).fetchone()
    if row is None:
        return Response.error(404, "Patron not found", "not_found")
    return Response.json(200, serialise.patron(row, ctx.clock().date().isoformat()))


def get_account(ctx: Context, request: Request, patron_id: int) -> Response:
    """Koha's patron_balance: the balance and the lines still outstanding on each side."""
    with ctx.store.reading() as db:
        if db.execute("SELECT 1 FROM patrons WHERE patron_id = ?", (patron_id,)).fetchone() is None:
            return Response.error(404, "Patron not found", "not_found")
        lines = db.execute(
            "SELECT * FROM account_lines WHERE patron_id = ? AND amount_outstanding != 0 "
            "ORDER BY date, account_line_id",
            (patron_id,),
        ).fetchall()
    debits = [serialise.account_line(row) for row in lines if row["debit_type"]]
    credits = [serialise.account_line(row) for row in lines if row["credit_type"]]
    debit_total = round(sum(line["amount_outstanding"] for line in debits), 2)
    credit_total = round(sum(line["amount_outstanding"] for line in credits), 2)
    return Response.json(
        200,
        {
            "balance": round(debit_total + credit_total, 2),
            "outstanding_debits": {"total": debit_total, "lines": debits},
            "outstanding_credits": {"total": credit_total, "lines": credits},
        },
    )


# The JSON type of each field POST /patrons stores, as Koha's patron definition types it.
_FIELD_TYPES = {name: (str, type(None)) for name in sandbox_patrons.STORED_FIELDS}
_FIELD_TYPES["privacy"] = (int,)
REQUIRED = ("surname", "library_id", "category_id")


def add_patron(ctx: Context, request: Request) -> Response:
    """Koha's Patrons#add: 201 with the patron; 400 for a bad body or an unknown library or
    category; 409 for a card number or userid another patron has."""
    body = request.json_object(frozenset(_FIELD_TYPES))
    for name in REQUIRED:
        if body.get(name) is None:
            return Response.invalid("Missing property.", f"/body/{name}")
    for name, value in body.items():
        if not isinstance(value, _FIELD_TYPES[name]) or isinstance(value, bool):
            return Response.invalid("Expected another type.", f"/body/{name}")
    for name in ("date_of_birth", "date_enrolled", "expiry_date"):
        if body.get(name) is not None and not is_date(body[name]):
            return Response.invalid("Does not match date format.", f"/body/{name}")
    now = ctx.clock()
    try:
        with ctx.store.transaction() as db:
            patron_id = sandbox_patrons.add_patron(db, body, now)
            row = db.execute("SELECT * FROM patrons WHERE patron_id = ?", (patron_id,)).fetchone()
    except sandbox_patrons.DuplicateId as duplicate:
        return Response.json(409, {"error": "Duplicate ID", "conflict": duplicate.column})
    except sandbox_patrons.UnknownReference as unknown_reference:
        return Response.error(400, str(unknown_reference))
    return Response.json(
        201,
        serialise.patron(row, now.date().isoformat()),
        [("Location", f"{request.path}/{patron_id}")],
    )


def is_date(value: str) -> bool:
    """Whether the value is a date as Koha's definitions format it: YYYY-MM-DD."""
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10
