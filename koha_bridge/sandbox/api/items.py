"""/items: look items up by barcode (``external_id``) or id."""

from __future__ import annotations

from koha_bridge.sandbox.api import item_embeds, serialise
from koha_bridge.sandbox.api.context import Context, paged_rows
from koha_bridge.sandbox.api.http import Request, Response


def list_items(ctx: Context, request: Request) -> Response:
    with ctx.store.reading() as db:
        rows, headers = paged_rows(
            db, request, table="items", columns=serialise.ITEM_COLUMNS, default_order="item_id"
        )
        return Response.json(200, item_embeds.items(db, rows, frozenset()), headers)


def get_item(ctx: Context, request: Request, item_id: int) -> Response:
    with ctx.store.reading() as db:
        row = db.execute("SELECT * FROM items WHERE item_id = ?", (item_id,)).fetchone()
        if row is None:
            return Response.error(404, "Item not found", "not_found")
        (item,) = item_embeds.items(db, [row], frozenset())
    return Response.json(200, item)
