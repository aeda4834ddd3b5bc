"""/items: look items up by barcode (``external_id``) or id."""

from __future__ import annotations

from koha_bridge.sandbox.api import serialise
from koha_bridge.sandbox.api.context import Context, list_response
from koha_bridge.sandbox.api.http import Request, Response


def list_items(ctx: Context, request: Request) -> Response:
    return list_response(
        ctx,
        request,
        table="items",
        columns=serialise.ITEM_COLUMNS,
        default_order="item_id",
        to_api=serialise.item,
    )


def get_item(ctx: Context, request: Request, item_id: int) -> Response:
    with ctx.store.reading() as db:
        row = db.execute("SELECT * FROM items WHERE item_id = ?", (item_id,)).fetchone()
    if row is None:
        return Response.error(404, "Item not found", "not_found")
    return Response.json(200, serialise.item(row))
