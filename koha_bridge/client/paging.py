"""Koha's paged lists as one iterator: ``_page``/``_per_page``, following ``Link`` or the total."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import requests

Fetch = Callable[[dict[str, Any]], requests.Response]


def next_page_params(response: requests.Response, params: dict[str, Any], seen: int) -> dict | None:
    """The parameters of the next page, or None at the end.

    Koha's ``Link`` header names the next page; its host may be Koha's internal one behind a
    proxy, so only its query is used, against our own URL. Without a Link header,
    ``X-Total-Count`` tells whether more remain.
    """
    link = response.links.get("next")
    if link:
        return dict(parse_qsl(urlsplit(link["url"]).query))
    if "Link" in response.headers:
        return None
    total = response.headers.get("X-Total-Count")
    if total is not None and seen < int(total):
        return {**params, "_page": int(params.get("_page", 1)) + 1}
    return None


def iterate(fetch: Fetch, params: dict[str, Any], per_page: int) -> Iterator[Any]:
    """Every element of a paged list; ``fetch(params)`` returns one page's response."""
    params = {**params, "_page": 1, "_per_page": per_page}
    seen = 0
    while params is not None:
        response = fetch(params)
        page = response.json()
        if not isinstance(page, list):
            raise ValueError("a list page is not a JSON array")
        yield from page
        seen += len(page)
        if not page:
            return
        params = next_page_params(response, params, seen)
