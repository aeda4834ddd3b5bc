"""/libraries: the library's branches."""

from __future__ import annotations

from koha_bridge.sandbox.api import serialise
from koha_bridge.sandbox.api.context import Context, list_response
from koha_bridge.sandbox.api.http import Request, Response

# The filters Koha's GET /libraries names that the sandbox keeps (not library_id: Koha has none).
FILTERS = ("name", "address1", "postal_code", "city", "country", "phone", "email", "url")


def list_libraries(ctx: Context, request: Request) -> Response:
    return list_response(
        ctx,
        request,
        table="libraries",
        columns=serialise.LIBRARY_COLUMNS,
        default_order="library_id",
        to_api=serialise.library,
    )


def list_public_libraries(ctx: Context, request: Request) -> Response:
    return list_response(
        ctx,
        request,
        table="libraries",
        columns=serialise.LIBRARY_COLUMNS,
        default_order="library_id",
        to_api=serialise.library,
        fixed=("public = 1", []),
    )


def get_library(ctx: Context, request: Request, library_id: str) -> Response:
    with ctx.store.reading() as db:
        row = db.execute("SELECT * FROM libraries WHERE library_id = ?", (library_id,)).fetchone()
    if row is None:
        return Response.error(404, "Library not found", "not_found")
    return Response.json(200, serialise.library(row))
