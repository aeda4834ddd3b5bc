"""Match a method and path to a handler, with typed path parameters (``{biblio_id:int}``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

Handler = Callable[..., object]
_PARAMETER = re.compile(r"\{(\w+)(?::(int))?\}")


@dataclass(frozen=True)
class Route:
    method: str
    pattern: re.Pattern
    converters: dict[str, type]
    handler: Handler
    public: bool  # Koha's /public/ namespace: anonymous requests allowed
    query: frozenset[str]  # the query parameters it takes; Koha refuses any other


class Router:
    def __init__(self) -> None:
        self.routes: list[Route] = []

    def add(
        self, method: str, template: str, handler: Handler, query: frozenset[str] = frozenset()
    ) -> None:
        converters: dict[str, type] = {}

        def replace(match: re.Match) -> str:
            name, kind = match.group(1), match.group(2)
            converters[name] = int if kind == "int" else str
            return rf"(?P<{name}>\d{{1,18}})" if kind == "int" else rf"(?P<{name}>[^/]+)"

        pattern = re.compile("^" + _PARAMETER.sub(replace, template) + "$")
        public = template.startswith("/api/v1/public/")
        self.routes.append(Route(method, pattern, converters, handler, public, query))

    def match(self, method: str, path: str) -> tuple[Route, dict[str, object]] | None:
        for route in self.routes:
            found = route.pattern.match(path)
            if found and route.method == method:
                params = {k: route.converters[k](v) for k, v in found.groupdict().items()}
                return route, params
        return None
