"""What every handler works with: the store, the clock, and list-response helpers."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from koha_bridge.sandbox.api import query as list_query
from koha_bridge.sandbox.api.http import QueryParams, Request, Response
from koha_bridge.sandbox.clock import Clock
from koha_bridge.sandbox.store import Store


@dataclass(frozen=True)
class Context:
    store: Store
    clock: Clock


def link_header(request: Request, page: int, per_page: int, total: int) -> str:
    """RFC 5988 links as Koha's Pagination plugin writes them: prev, next, first, last.

    Every parameter of the request is kept; with nothing found, "last" is page 0, as in Koha.
    """
    if per_page == -1:
        pages, page = 1, 1
    else:
        pages = -(-total // per_page)
    url = f"{request.base_url}{request.path}"

    def link(number: int, rel: str) -> str:
        query = request.query.with_values(_page=str(number), _per_page=str(per_page)).encode()
        return f'<{url}?{query}>; rel="{rel}"'

    links = []
    if per_page != -1 and pages > 1 and page > 1:
        links.append(link(page - 1, "prev"))
    if per_page != -1 and pages > 1 and page < pages:
        links.append(link(page + 1, "next"))
    links += [link(1, "first"), link(pages, "last")]
    return ",".join(links)


def paged_rows(
    db: sqlite3.Connection,
    request: Request,
    *,
    table: str,
    columns: Mapping[str, str],
    default_order: str,
    params: QueryParams | None = None,
    fixed: tuple[str, list[Any]] | None = None,
) -> tuple[list[sqlite3.Row], list[tuple[str, str]]]:
    """One page of ``table`` filtered as the request asks, and the paging headers."""
    params = params if params is not None else request.query
    built = list_query.build(params, columns, default_order, fixed)
    total = db.execute(
        f"SELECT COUNT(*) FROM {table} WHERE {built.where}", built.params
    ).fetchone()[0]
    rows = db.execute(
        f"SELECT * FROM {table} WHERE {built.where} ORDER BY {built.order_by}{built.limit_clause}",
        built.params,
    ).fetchall()
    headers = [
        ("Link", link_header(request, built.page, built.per_page, total)),
        ("X-Total-Count", str(total)),
    ]
    return rows, headers


def list_response(
    ctx: Context,
    request: Request,
    *,
    table: str,
    columns: Mapping[str, str],
    default_order: str,
    to_api: Callable[[sqlite3.Row], dict],
    params: QueryParams | None = None,
    fixed: tuple[str, list[Any]] | None = None,
) -> Response:
    with ctx.store.reading() as db:
        rows, headers = paged_rows(
            db,
            request,
            table=table,
            columns=columns,
            default_order=default_order,
            params=params,
            fixed=fixed,
        )
        return Response.json(200, [to_api(row) for row in rows], headers)
