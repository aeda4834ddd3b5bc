"""The sandbox's REST API as a WSGI application: routing, authentication, Koha's error bodies."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from email.utils import formatdate

from koha_bridge.sandbox.api import (
    biblios,
    circulation_routes,
    items,
    libraries,
    oauth,
    password,
    patrons,
    serialise,
    suggestions,
)
from koha_bridge.sandbox.api.auth import AuthenticationFailure, authenticate
from koha_bridge.sandbox.api.context import Context
from koha_bridge.sandbox.api.http import MAX_BODY, InvalidBody, Request, Response
from koha_bridge.sandbox.api.query import PAGING, InvalidQuery
from koha_bridge.sandbox.api.routing import Router
from koha_bridge.sandbox.clock import Clock, system_clock
from koha_bridge.sandbox.store import Store

log = logging.getLogger(__name__)

V1 = "/api/v1"


def _listing(*filters: str) -> frozenset[str]:
    """Koha's paging and ``q`` parameters, and the filters the route's Koha definition names."""
    return frozenset(PAGING | set(filters))


class SandboxApp:
    """A WSGI application answering the part of Koha's api/v1 that library20 calls."""

    def __init__(self, store: Store, clock: Clock = system_clock) -> None:
        self.context = Context(store, clock)
        self.router = Router()
        add = self._add
        add("POST", "/oauth/token", oauth.token)
        add("POST", "/auth/password/validation", password.validate)
        add("GET", "/biblios", biblios.list_biblios, _listing())
        add("GET", "/biblios/{biblio_id:int}", biblios.get_biblio)
        add("GET", "/biblios/{biblio_id:int}/items", biblios.biblio_items, _listing())
        add(
            "GET",
            "/biblios/{biblio_id:int}/pickup_locations",
            biblios.pickup_locations,
            _listing("patron_id"),
        )
        add("GET", "/public/biblios/{biblio_id:int}", biblios.get_public_biblio)
        add("GET", "/public/biblios/{biblio_id:int}/items", biblios.public_biblio_items, _listing())
        add("POST", "/public/biblios/{biblio_id:int}/ratings", biblios.set_rating)
        add("GET", "/items", items.list_items, _listing("external_id"))
        add("GET", "/items/{item_id:int}", items.get_item)
        add("GET", "/patrons", patrons.list_patrons, _listing(*serialise.PATRON_COLUMNS))
        add("POST", "/patrons", patrons.add_patron)
        add("GET", "/patrons/{patron_id:int}", patrons.get_patron)
        add("GET", "/patrons/{patron_id:int}/account", patrons.get_account)
        add(
            "GET",
            "/patrons/{patron_id:int}/holds",
            circulation_routes.patron_holds,
            _listing(*serialise.HOLD_COLUMNS),
        )
        add(
            "GET",
            "/checkouts",
            circulation_routes.list_checkouts,
            _listing("patron_id", "checked_in"),
        )
        add("POST", "/checkouts", circulation_routes.add_checkout, frozenset({"confirmation"}))
        add(
            "GET",
            "/checkouts/availability",
            circulation_routes.availability,
            frozenset({"patron_id", "item_id"}),
        )
        add("GET", "/checkouts/{checkout_id:int}", circulation_routes.get_checkout)
        for renewal in ("renewal", "renewals"):
            add(
                "POST",
                f"/checkouts/{{checkout_id:int}}/{renewal}",
                circulation_routes.renew_checkout,
                frozenset({"seen"}),
            )
        add("GET", "/checkouts/{checkout_id:int}/allows_renewal", circulation_routes.allows_renewal)
        add("GET", "/holds", circulation_routes.list_holds, _listing(*serialise.HOLD_COLUMNS))
        add("POST", "/holds", circulation_routes.add_hold)
        add("DELETE", "/holds/{hold_id:int}", circulation_routes.delete_hold)
        add("GET", "/suggestions", suggestions.list_suggestions, _listing())
        add("POST", "/suggestions", suggestions.add_suggestion)
        add("GET", "/libraries", libraries.list_libraries, _listing(*libraries.FILTERS))
        add("GET", "/libraries/{library_id}", libraries.get_library)
        add("GET", "/public/libraries", libraries.list_public_libraries, _listing())

    def _add(self, method, path, handler, query: frozenset[str] = frozenset()) -> None:
        self.router.add(method, V1 + path, handler, query)

    def __call__(self, environ: dict, start_response) -> Iterable[bytes]:
        request = Request.from_environ(environ)
        response = self.handle(request)
        request_id = request.headers.get("x-koha-request-id")
        if request_id:
            response.headers.append(("x-koha-request-id", request_id))
        # The sandbox's own clock, which callers use as the server's time (sync watermarks).
        response.headers.append(("Date", formatdate(self.context.clock().timestamp(), usegmt=True)))
        start_response(
            response.status_line(),
            [*response.headers, ("Content-Length", str(len(response.body)))],
        )
        return [response.body]

    def handle(self, request: Request) -> Response:
        if len(request.body) > MAX_BODY:
            return Response.error(413, "Request body too large")
        found = self.router.match(request.method, request.path)
        if found is None:
            return Response.json(
                404, {"errors": [{"message": "Not Found.", "path": "/"}], "status": 404}
            )
        route, params = found
        unknown = sorted(request.query.names() - route.query)
        if unknown:
            return Response.json(
                400,
                [
                    {"message": "Malformed query string", "path": f"/query/{name}"}
                    for name in unknown
                ],
            )
        ctx = self.context
        if route.handler is not oauth.token:
            try:
                with ctx.store.reading() as db:
                    request.user = authenticate(
                        db, request.headers.get("authorization", ""), ctx.clock()
                    )
            except AuthenticationFailure as failure:
                return Response.error(401, str(failure))
            if request.user is None and not route.public:
                return Response.error(401, "Authentication failure.")
            if request.user is not None and not route.public and not request.user["is_staff"]:
                return Response.error(
                    403,
                    "Authorization failure. Missing required permission(s).",
                    required_permissions={"catalogue": "1"},
                )
        try:
            return route.handler(ctx, request, **params)
        except InvalidQuery as invalid:
            return Response.error(400, f"Invalid query: {invalid}", "invalid_query")
        except InvalidBody as invalid:
            return Response.invalid(str(invalid), invalid.path)
        except Exception:
            log.exception("sandbox request failed: %s %s", request.method, request.path)
            return Response.error(
                500, "Something went wrong, check the logs.", "internal_server_error"
            )
