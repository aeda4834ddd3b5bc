"""Koha's paged lists as one iterator: ``_page``/``_per_page``, following ``Link`` or the total."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import requests

Params = list[tuple[str, Any]]  # in order, repeats kept: Koha takes several q= at once
Fetch = Callable[[Params], requests.Response]


def _page_of(params: Params) -> int:
    return int(dict(params).get("_page", 1))


def next_page_params(response: requests.Response, params: Params, seen: int) -> Params | None:
    """The parameters of the next page, or None at the end.

    Koha's ``Link`` header names the next page; its host may be Koha's internal one behind a
    proxy, so only its query is used, against our own URL. Without a Link header,
    ``X-Total-Count`` tells whether more remain.
    """
    link = response.links.get("next")
    if link:
        return parse_qsl(urlsplit(link["url"]).query, keep_blank_values=True)
    if "Link" in response.headers:
        return None
    total = response.headers.get("X-Total-Count")
    if total is not None and total.isdigit() and seen < int(total):
        return [(k, v) for k, v in params if k != "_page"] + [("_page", _page_of(params) + 1)]
    return None


def iterate(fetch: Fetch, params: dict[str, Any], per_page: int) -> Iterator[Any]:
    """Every element of a paged list; ``fetch(params)`` returns one page's response."""
    page_params: Params | None = [*params.items(), ("_page", 1), ("_per_page", per_page)]
    seen = 0
    while page_params is not None:
        response = fetch(page_params)
        page = response.json()
        if not isinstance(page, list):
            raise ValueError("a list page is not a JSON array")
        yield from page
        seen += len(page)
        if not page:
            return
        page_params = next_page_params(response, page_params, seen)
