"""/patrons: look patrons up by card number; their account balance."""

from __future__ import annotations

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
