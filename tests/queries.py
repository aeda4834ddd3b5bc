"""How many database queries a page costs."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, path: str, params: dict | None = None) -> int:
    """The queries of one GET of ``path``, which must answer 200, once the site's frame is in
    the cache (as it is on a live site but for its first request)."""
    client.get(path, params or {})
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, params or {}).status_code == 200
    return len(queries)
